import { describe, expect, it } from 'vitest';
import { contentProblem, declarationProblems, sniff } from '../../../lib/materials/rules.js';
import { FILES } from '../../support/files.js';

describe('material rules (pure)', () => {
  it.each(Object.entries(FILES))('R-AI-07 the bytes of a %s file are recognised by their magic number', (kind, bytes) => {
    expect(sniff(bytes)).toBe(kind === 'exe' ? undefined : kind);
  });

  it.each([
    ['proof.pdf', 'application/pdf', 1000, []],
    ['proof.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 1000, []],
    ['proof.bmp', 'image/bmp', 1000, ['contentType']],
    ['proof.exe', 'application/octet-stream', 1000, ['contentType']],
    ['proof.png', 'application/pdf', 1000, ['contentType']],
    ['proof.pdf', 'application/pdf', 5 * 1024 * 1024 + 1, ['sizeBytes']],
  ])('R-AI-07 declaring %s (%s, %i bytes) → problems in %j', (name, type, size, fields) => {
    expect(declarationProblems('qualification-proof', name, type, size).map((p) => p.field)).toEqual(fields);
  });

  it('R-AI-07 the content must be the declared, allowed type within 5 MB', () => {
    expect(contentProblem('qualification-proof', 'png', FILES.png, FILES.png.length)).toBeUndefined();
    expect(contentProblem('qualification-proof', 'png', FILES.pdf, FILES.pdf.length)).toMatch(/not the declared/);
    expect(contentProblem('qualification-proof', 'png', FILES.exe, FILES.exe.length)).toMatch(/not an allowed type/);
    expect(contentProblem('qualification-proof', 'png', FILES.bmp, FILES.bmp.length)).toMatch(/not an allowed type/);
    expect(contentProblem('qualification-proof', 'pdf', FILES.pdf, 6 * 1024 * 1024)).toMatch(/5 MB/);
  });
});

describe('real-name material purposes (R-RN-02)', () => {
  const MB = 1024 * 1024;
  const gif = new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0x80, 0, 0]);

  it.each([
    ['real-name-individual', 'page.jpeg', 'image/jpeg', 1000, []],
    ['real-name-individual', 'page.bmp', 'image/bmp', 1000, []],
    ['real-name-individual', 'page.pdf', 'application/pdf', 1000, []],
    ['real-name-individual', 'page.gif', 'image/gif', 1000, ['contentType']],
    ['real-name-individual', 'page.png', 'image/png', 11 * MB, ['sizeBytes']],
    ['real-name-enterprise', 'licence.png', 'image/png', 10 * MB, []],
    ['real-name-enterprise', 'licence.pdf', 'application/pdf', 1000, ['contentType']],
    ['reauth-form', 'form.pdf', 'application/pdf', 1000, []],
    ['reauth-form', 'statement.gif', 'image/gif', 1000, []],
    // R-RA-04 (issue 13 review R2 item 7): the statement of commitment may be BMP.
    ['reauth-form', 'statement.bmp', 'image/bmp', 1000, []],
    ['reauth-form', 'statement.webp', 'image/webp', 1000, ['contentType']],
    ['reauth-form', 'form.pdf', 'application/pdf', 10 * MB + 1, ['sizeBytes']],
  ] as const)('R-RN-02: declaring a %s material %s (%s, %i bytes) → problems in %j', (purpose, name, type, size, fields) => {
    expect(declarationProblems(purpose, name, type, size).map((p) => p.field)).toEqual(fields);
  });

  it('R-RN-02: the bytes decide: a renamed executable claiming to be a PNG is refused, a GIF is recognised, PDF bytes are no enterprise material', () => {
    expect(contentProblem('real-name-individual', 'png', FILES.exe, FILES.exe.length)).toMatch(/not an allowed type/);
    expect(sniff(gif)).toBe('gif');
    expect(contentProblem('reauth-form', 'gif', gif, gif.length)).toBeUndefined();
    expect(contentProblem('real-name-enterprise', 'png', FILES.pdf, FILES.pdf.length)).toMatch(/not an allowed type/);
    expect(contentProblem('real-name-individual', 'pdf', FILES.pdf, 10 * MB + 1)).toMatch(/10 MB/);
  });
});
