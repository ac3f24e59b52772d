/**
 * Issue 13 (materials side): the real-name purposes through the real path (declare → presigned PUT on s3rver →
 * complete, R-RN-02) and the short-lived read links operators and owners read the bytes through (R-RN-08).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler as completeHandler } from '../../../functions/materials/completeMaterial.js';
import { handler as declareHandler } from '../../../functions/materials/declareMaterial.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { materialReadLinks } from '../../../lib/materials/read-links.js';
import { loadMaterial } from '../../../lib/materials/store.js';
import { FILES } from '../../support/files.js';
import { invoke } from '../../support/http.js';
import { bearer, signUp } from '../../support/identity.js';
import { putToTarget } from '../../support/upload.js';

const MB = 1024 * 1024;
type Purpose = 'real-name-individual' | 'real-name-enterprise' | 'reauth-form';

const declare = (token: string, purpose: Purpose, fileName: string, contentType: string, sizeBytes: number) =>
  invoke(declareHandler, {
    method: 'POST',
    path: '/v1/materials',
    headers: bearer(token),
    body: { purpose, fileName, contentType, sizeBytes },
  });
const complete = (token: string, materialId: string) =>
  invoke(completeHandler, {
    method: 'POST',
    path: `/v1/materials/${materialId}/complete`,
    pathParameters: { materialId },
    headers: bearer(token),
  });

/** Declares `fileName`/`contentType` for `purpose`, uploads `bytes` to the presigned target, and completes. */
async function uploadAs(token: string, purpose: Purpose, fileName: string, contentType: string, bytes: Buffer) {
  const declared = await declare(token, purpose, fileName, contentType, bytes.length);
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  expect((await putToTarget(declared.body.upload, bytes)).status).toBe(200);
  return { materialId: declared.body.materialId as string, done: await complete(token, declared.body.materialId) };
}

describe('real-name material purposes through the real upload path (issue 13 item 4)', () => {
  it.each([
    {
      name: 'GIF for reauth-form is accepted',
      purpose: 'reauth-form',
      file: 'form.gif',
      type: 'image/gif',
      bytes: FILES.gif,
      fileType: 'gif',
    },
    {
      name: 'BMP for real-name-individual is accepted',
      purpose: 'real-name-individual',
      file: 'id.bmp',
      type: 'image/bmp',
      bytes: FILES.bmp,
      fileType: 'bmp',
    },
    {
      name: 'PDF for real-name-individual is accepted',
      purpose: 'real-name-individual',
      file: 'id.pdf',
      type: 'application/pdf',
      bytes: FILES.pdf,
      fileType: 'pdf',
    },
    {
      name: 'JPEG for real-name-enterprise is accepted',
      purpose: 'real-name-enterprise',
      file: 'licence.jpeg',
      type: 'image/jpeg',
      bytes: FILES.jpg,
      fileType: 'jpg',
    },
  ] as const)('R-RN-02 $name', async ({ purpose, file, type, bytes, fileType }) => {
    const { token } = await signUp();
    const { materialId, done } = await uploadAs(token, purpose, file, type, bytes);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ materialId, status: 'verified', fileType });
  });

  it.each([
    {
      name: 'a renamed executable (MZ) declared as image/png for real-name-individual',
      purpose: 'real-name-individual',
      file: 'passport.png',
      type: 'image/png',
      bytes: FILES.exe,
    },
    {
      name: 'PDF bytes declared as PNG for real-name-enterprise',
      purpose: 'real-name-enterprise',
      file: 'licence.png',
      type: 'image/png',
      bytes: FILES.pdf,
    },
    { name: 'PDF bytes declared as GIF for reauth-form', purpose: 'reauth-form', file: 'form.gif', type: 'image/gif', bytes: FILES.pdf },
  ] as const)(
    'R-RN-02 $name: complete answers 422 and the material is rejected (checked on the bytes)',
    async ({ purpose, file, type, bytes }) => {
      const { token, accountId } = await signUp();
      const { materialId, done } = await uploadAs(token, purpose, file, type, bytes);
      expect(done.status).toBe(422);
      expect(done.body.code).toBe('MATERIAL_INVALID');
      expect((await loadMaterial(accountId, materialId))?.status).toBe('rejected');
      // Refused files are not readable either (R-RN-08: only verified materials get links).
      expect((await materialReadLinks(accountId, [materialId], 60)).missing).toEqual([materialId]);
    },
  );

  it.each([
    {
      name: '11 MB for real-name-individual',
      purpose: 'real-name-individual',
      file: 'id.png',
      type: 'image/png',
      size: 11 * MB,
      field: 'sizeBytes',
    },
    {
      name: '10 MB + 1 byte for reauth-form',
      purpose: 'reauth-form',
      file: 'form.pdf',
      type: 'application/pdf',
      size: 10 * MB + 1,
      field: 'sizeBytes',
    },
    {
      name: 'application/pdf for real-name-enterprise',
      purpose: 'real-name-enterprise',
      file: 'licence.pdf',
      type: 'application/pdf',
      size: 1000,
      field: 'contentType',
    },
    {
      name: 'image/gif for real-name-individual',
      purpose: 'real-name-individual',
      file: 'id.gif',
      type: 'image/gif',
      size: 1000,
      field: 'contentType',
    },
  ] as const)('R-RN-02 $name is refused at declaration (400 naming the field)', async ({ purpose, file, type, size, field }) => {
    const { token } = await signUp();
    const declared = await declare(token, purpose, file, type, size);
    expect(declared.status).toBe(400);
    expect(JSON.stringify(declared.body)).toContain(field);
    expect(declared.body.materialId).toBeUndefined();
  });

  it('R-RN-02 R-SEC-05 another account completing my material is answered 404 and my material is untouched', async () => {
    const owner = await signUp();
    const other = await signUp();
    const declared = await declare(owner.token, 'real-name-individual', 'id.png', 'image/png', FILES.png.length);
    expect((await putToTarget(declared.body.upload, FILES.png)).status).toBe(200);
    const foreign = await complete(other.token, declared.body.materialId);
    expect(foreign.status).toBe(404);
    expect((await loadMaterial(owner.accountId, declared.body.materialId))?.status).toBe('awaiting-upload');
    expect((await complete(owner.token, declared.body.materialId)).status).toBe(200);
  });
});

describe('short-lived read links (R-RN-08, issue 13 item 1)', () => {
  afterEach(() => setClockOffset(0));

  it('R-RN-08 a read link of a verified material returns its bytes from the private bucket', async () => {
    const { token, accountId } = await signUp();
    const { materialId } = await uploadAs(token, 'real-name-individual', 'id.png', 'image/png', FILES.png);
    const { links, missing } = await materialReadLinks(accountId, [materialId], 300);
    expect(missing).toEqual([]);
    expect(links).toEqual([
      expect.objectContaining({ materialId, purpose: 'real-name-individual', fileType: 'png', sizeBytes: FILES.png.length }),
    ]);
    const res = await fetch(links[0]!.readUrl);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(FILES.png);
    // s3rver serves unsigned reads too (it is lax); on AWS the bucket's public access block and owner-enforced
    // ownership make the signed link the only way in (asserted on the packaged template, test/integration/deploy).
  });

  it('R-RN-08 a read link stops working after its TTL (signed two minutes ago, TTL 60 s)', async () => {
    const { token, accountId } = await signUp();
    const { materialId } = await uploadAs(token, 'real-name-enterprise', 'licence.png', 'image/png', FILES.png);
    // Signed two minutes ago (S3 judges the link by the real time, so the signature uses it) with a 60 s TTL: expired
    // one minute ago.
    const realNow = Date.now();
    const past = vi.spyOn(Date, 'now').mockReturnValue(realNow - 120_000);
    const { links } = await materialReadLinks(accountId, [materialId], 60);
    past.mockRestore();
    expect(new URL(links[0]!.readUrl).searchParams.get('X-Amz-Expires')).toBe('60');
    const res = await fetch(links[0]!.readUrl);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/expired/i);
  });

  it("R-RN-08 R-SEC-05 another account's material and a material not yet verified get no link (reported missing)", async () => {
    const owner = await signUp();
    const other = await signUp();
    const { materialId: mine } = await uploadAs(owner.token, 'real-name-individual', 'id.png', 'image/png', FILES.png);
    const { materialId: theirs } = await uploadAs(other.token, 'real-name-individual', 'id.png', 'image/png', FILES.png);
    const pending = await declare(owner.token, 'reauth-form', 'form.pdf', 'application/pdf', FILES.pdf.length);
    const { links, missing } = await materialReadLinks(owner.accountId, [mine, theirs, pending.body.materialId, 'mt_nope'], 60);
    expect(links.map((l) => l.materialId)).toEqual([mine]);
    expect(missing).toEqual([theirs, pending.body.materialId, 'mt_nope']);
  });
});
