/** In-process drivers for materials: declare, upload to the presigned target on s3rver, complete. */
import { expect } from 'vitest';
import { handler as completeHandler } from '../../functions/materials/completeMaterial.js';
import { handler as declareHandler } from '../../functions/materials/declareMaterial.js';
import { FILES } from './files.js';
import { invoke } from './http.js';
import { bearer } from './identity.js';
import { putToTarget } from './upload.js';

/** A verified `qualification-proof` PNG of the account holding `token`; returns its materialId. */
export async function verifiedMaterial(token: string): Promise<string> {
  const declared = await invoke(declareHandler, {
    method: 'POST',
    path: '/v1/materials',
    headers: bearer(token),
    body: { purpose: 'qualification-proof', fileName: 'scan.png', contentType: 'image/png', sizeBytes: FILES.png.length },
  });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  const target = declared.body.upload as { url: string; headers: Record<string, string> };
  const uploaded = await putToTarget(target, FILES.png);
  expect(uploaded.status).toBe(200);
  const materialId = declared.body.materialId as string;
  const done = await invoke(completeHandler, {
    method: 'POST',
    path: `/v1/materials/${materialId}/complete`,
    pathParameters: { materialId },
    headers: bearer(token),
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return materialId;
}
