import { describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as taxHandler } from '../../../functions/accounts/changeTaxInfo.js';
import { handler as completeHandler } from '../../../functions/materials/completeMaterial.js';
import { handler as declareHandler } from '../../../functions/materials/declareMaterial.js';
import { FILES } from '../../support/files.js';
import { invoke } from '../../support/http.js';
import { putToTarget } from '../../support/upload.js';
import { bearer, signUp } from '../../support/identity.js';

async function declare(token: string, fileName: string, contentType: string, sizeBytes: number) {
  return invoke(declareHandler, {
    method: 'POST',
    path: '/v1/materials',
    headers: bearer(token),
    body: { purpose: 'qualification-proof', fileName, contentType, sizeBytes },
  });
}
const upload = putToTarget;
const useAsProof = (token: string, materialId: string) =>
  invoke(taxHandler, {
    method: 'PUT',
    path: '/v1/account/tax-info',
    headers: bearer(token),
    body: { qualificationName: 'vat-registered', taxId: 'DE123456789', qualificationProof: materialId },
  });
const complete = (token: string, materialId: string) =>
  invoke(completeHandler, {
    method: 'POST',
    path: `/v1/materials/${materialId}/complete`,
    pathParameters: { materialId },
    headers: bearer(token),
  });

describe('qualification proof upload', () => {
  it('R-AI-07 declare → upload → complete checks the bytes; the verified material is the tax-info proof', async () => {
    const { token } = await signUp();
    const declared = await declare(token, 'certificate.PDF', 'application/pdf', FILES.pdf.length);
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expect((await upload(declared.body.upload, FILES.pdf)).status).toBe(200);
    const done = await complete(token, declared.body.materialId);
    expect(done.body).toEqual({ materialId: declared.body.materialId, status: 'verified', fileType: 'pdf' });
    const tax = await useAsProof(token, declared.body.materialId);
    expect(tax.status).toBe(200);
    const me = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) });
    expect(me.body.taxInfo.qualificationProof).toBe(declared.body.materialId);
  });

  it('R-AI-07 a file whose bytes are not what it claims is refused, whatever its name', async () => {
    const { token } = await signUp();
    const declared = await declare(token, 'scan.png', 'image/png', FILES.exe.length);
    expect((await upload(declared.body.upload, FILES.exe)).status).toBe(200);
    const done = await complete(token, declared.body.materialId);
    expect(done.status).toBe(422);
    expect(done.body.code).toBe('MATERIAL_INVALID');
    const tax = await useAsProof(token, declared.body.materialId);
    expect(tax.status).toBe(422);
  });

  it('R-AI-07 completing before uploading says so; declarations outside the rules are refused', async () => {
    const { token } = await signUp();
    const declared = await declare(token, 'scan.png', 'image/png', FILES.png.length);
    expect((await complete(token, declared.body.materialId)).body.code).toBe('UPLOAD_MISSING');
    expect((await declare(token, 'virus.exe', 'application/octet-stream', 100)).status).toBe(400);
    expect((await declare(token, 'huge.pdf', 'application/pdf', 6 * 1024 * 1024)).status).toBe(400);
  });

  it('R-AI-07 the byte check at complete holds where the signature is not checked (s3rver): another size is refused (issue 13 item 1)', async () => {
    const { token } = await signUp();
    const declared = await declare(token, 'scan.png', 'image/png', FILES.png.length);
    const longer = Buffer.concat([FILES.png, Buffer.alloc(10)]);
    const ignoringSignature = { 'content-type': 'image/png', 'content-length': String(longer.length) };
    expect((await upload(declared.body.upload, longer, ignoringSignature)).status).toBe(200);
    const done = await complete(token, declared.body.materialId);
    expect(done.status).toBe(422);
    expect(done.body.code).toBe('MATERIAL_INVALID');
  });

  it('R-SEC-05 R-RN-08 another account cannot complete or use a material: 404 both (issue 9 item 8)', async () => {
    const owner = await signUp();
    const other = await signUp();
    const declared = await declare(owner.token, 'scan.png', 'image/png', FILES.png.length);
    await upload(declared.body.upload, FILES.png);
    expect((await complete(other.token, declared.body.materialId)).status).toBe(404);
    expect((await complete(owner.token, declared.body.materialId)).status).toBe(200);
    const tax = await useAsProof(other.token, declared.body.materialId);
    expect(tax.status).toBe(404);
  });

  it('R-AI-07 re-uploading to the target after the check cannot swap the checked bytes', async () => {
    const { token, accountId } = await signUp();
    const declared = await declare(token, 'scan.png', 'image/png', FILES.png.length);
    await upload(declared.body.upload, FILES.png);
    expect((await complete(token, declared.body.materialId)).status).toBe(200);
    const swapped = Buffer.concat([FILES.exe, Buffer.alloc(FILES.png.length - FILES.exe.length)]);
    await upload(declared.body.upload, swapped);
    const { materialStorage } = await import('../../../lib/materials/storage.js');
    const kept = await materialStorage().head(`materials/${accountId}/${declared.body.materialId}`, 8);
    expect(Buffer.from(kept!.head)).toEqual(FILES.png.subarray(0, 8));
    expect((await complete(token, declared.body.materialId)).body.status).toBe('verified');
  });
});
