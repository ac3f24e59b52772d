/** Tiny real files (magic numbers included) for upload tests. */
export const FILES = {
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120, 1)]),
  pdf: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(120, 32)]),
  jpg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(120, 2)]),
  doc: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(120, 3)]),
  docx: Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26, 0),
    Buffer.from('[Content_Types].xml'),
    Buffer.alloc(80, 4),
  ]),
  odt: Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.alloc(26, 0),
    Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'),
    Buffer.alloc(40, 5),
  ]),
  bmp: Buffer.concat([Buffer.from('BM'), Buffer.alloc(120, 6)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(120, 7)]),
  gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(120, 8)]),
};
