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
