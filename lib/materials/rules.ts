/**
 * What may be uploaded as evidence, checked twice: the declaration before the upload (type, name,
 * size), and the bytes after it (magic number and real size), never trusting the declared name
 * (R-AI-07; R-RN-02 adds its purposes here).
 */
export type FileType = 'pdf' | 'png' | 'jpg' | 'bmp' | 'gif' | 'doc' | 'docx' | 'odt';

export const CONTENT_TYPES: Record<FileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  bmp: 'image/bmp',
  gif: 'image/gif',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};

const MB = 1024 * 1024;

export const MATERIAL_PURPOSES = {
  // R-AI-07: doc, docx, jpg, png, pdf, odt; at most 5 MB.
  'qualification-proof': { types: ['doc', 'docx', 'jpg', 'png', 'pdf', 'odt'] as FileType[], maxBytes: 5 * MB },
  // R-RN-02 (API.md "Real-name authentication"): JPG/JPEG, BMP, PNG, PDF for an individual; no PDF for an enterprise;
  // application forms and statements of commitment (R-RA-01..04) also as GIF; each at most 10 MB.
  'real-name-individual': { types: ['jpg', 'bmp', 'png', 'pdf'] as FileType[], maxBytes: 10 * MB },
  'real-name-enterprise': { types: ['jpg', 'bmp', 'png'] as FileType[], maxBytes: 10 * MB },
  'reauth-form': { types: ['pdf', 'jpg', 'bmp', 'png', 'gif'] as FileType[], maxBytes: 10 * MB },
} as const;

export type MaterialPurpose = keyof typeof MATERIAL_PURPOSES;

const EXTENSIONS: Record<string, FileType> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  bmp: 'bmp',
  gif: 'gif',
  doc: 'doc',
  docx: 'docx',
  odt: 'odt',
};

export function typeOfDeclaration(fileName: string, contentType: string): FileType | undefined {
  const ext = EXTENSIONS[fileName.toLowerCase().split('.').pop() ?? ''];
  return ext && CONTENT_TYPES[ext] === contentType ? ext : undefined;
}

export function declarationProblems(
  purpose: MaterialPurpose,
  fileName: string,
  contentType: string,
  sizeBytes: number,
): Array<{ field: string; message: string }> {
  const rule = MATERIAL_PURPOSES[purpose];
  const problems: Array<{ field: string; message: string }> = [];
  const type = typeOfDeclaration(fileName, contentType);
  if (!type || !rule.types.includes(type)) {
    problems.push({
      field: 'contentType',
      message: `Upload one of: ${rule.types.join(', ')} (the file name's extension and the content type must agree).`,
    });
  }
  if (sizeBytes < 1 || sizeBytes > rule.maxBytes)
    problems.push({ field: 'sizeBytes', message: `A file has 1 byte to ${rule.maxBytes / MB} MB.` });
  return problems;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

/** The type the first bytes of a file show (needs at least the first 80 bytes for ODT). */
export function sniff(head: Uint8Array): FileType | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, [0x42, 0x4d]) && head.length >= 6) return 'bmp';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // ODF puts an uncompressed "mimetype" entry first (ODF 1.2 §3.3); anything else zipped is taken as OOXML.
    return ascii(head, 30, 38) === 'mimetype' && ascii(head, 38, 77) === 'application/vnd.oasis.opendocument.text' ? 'odt' : 'docx';
  }
  return undefined;
}

export const SNIFF_BYTES = 80;

/** After the upload: the bytes must be the declared type, of an allowed type, within the size. */
export function contentProblem(purpose: MaterialPurpose, declared: FileType, head: Uint8Array, size: number): string | undefined {
  const rule = MATERIAL_PURPOSES[purpose];
  const actual = sniff(head);
  if (!actual || !rule.types.includes(actual)) return 'The file content is not an allowed type.';
  if (actual !== declared) return `The file content is ${actual}, not the declared ${declared}.`;
  if (size < 1 || size > rule.maxBytes) return `A file has 1 byte to ${rule.maxBytes / MB} MB.`;
  return undefined;
}
