/**
 * Materials (uploaded evidence, R-AI-07; the real-name capability reuses them): declare, upload to the
 * presigned target, then complete (completeMaterial.ts).
 */
import type { AccountCaller } from '../core/caller.js';
import { epochSeconds, nowIso } from '../core/clock.js';
import { materialsConfig } from '../core/config.js';
import { newId } from '../core/crypto.js';
import { ValidationFailed } from '../core/errors.js';
import { type MaterialPurpose, declarationProblems, typeOfDeclaration } from './rules.js';
import { materialStorage } from './storage.js';
import { createMaterial } from './store.js';

export async function declareMaterial(
  caller: AccountCaller,
  input: { purpose: MaterialPurpose; fileName: string; contentType: string; sizeBytes: number },
) {
  const problems = declarationProblems(input.purpose, input.fileName, input.contentType, input.sizeBytes);
  if (problems.length) throw new ValidationFailed(problems.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  const materialId = newId('mt_');
  // The client writes only under uploads/ (expires in a day); checked files are copied to materials/.
  const objectKey = `uploads/${caller.accountId}/${materialId}`;
  const finalKey = `materials/${caller.accountId}/${materialId}`;
  const upload = await materialStorage().uploadTarget(objectKey, input.contentType, input.sizeBytes);
  await createMaterial(caller.accountId, {
    materialId,
    purpose: input.purpose,
    declaredType: typeOfDeclaration(input.fileName, input.contentType),
    sizeBytes: input.sizeBytes,
    objectKey,
    finalKey,
    status: 'awaiting-upload',
    createdAt: nowIso(),
    ttl: epochSeconds() + materialsConfig.pendingTtlSeconds,
  });
  return { materialId, upload };
}
