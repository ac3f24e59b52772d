/**
 * Completing a material (R-AI-07): reads the first bytes and the real size and accepts the file only if
 * it has the declared size and its content is an allowed type and the declared one.
 */
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { NotFound, RuleViolation } from '../core/errors.js';
import { type FileType, type MaterialPurpose, SNIFF_BYTES, contentProblem } from './rules.js';
import { materialStorage } from './storage.js';
import { loadMaterial, markRejected, markVerified } from './store.js';

export async function completeMaterial(caller: AccountCaller, input: { materialId: string }) {
  const { materialId } = input;
  const item = await loadMaterial(caller.accountId, materialId);
  if (!item) throw new NotFound();
  if (item.status === 'verified') return { materialId, status: 'verified' as const, fileType: item.fileType as FileType };
  if (item.status !== 'awaiting-upload') {
    throw new RuleViolation('MATERIAL_INVALID', 'This material was refused.', [
      { condition: 'content-check', message: 'Declare and upload the file again.' },
    ]);
  }
  const storage = materialStorage();
  // Copy first, then check the copy: a re-upload to the presigned target cannot swap the checked bytes.
  const uploaded = await storage.head(item.objectKey, 1);
  if (uploaded) await storage.promote(item.objectKey, item.finalKey);
  const stored = uploaded ? await storage.head(item.finalKey, SNIFF_BYTES) : undefined;
  if (!stored) {
    throw new RuleViolation('UPLOAD_MISSING', 'Nothing was uploaded for this material yet.', [
      { condition: 'upload-missing', message: 'Upload the file to the target from POST /v1/materials, then complete again.' },
    ]);
  }
  // S3 refuses another size (it is signed); the emulator does not, so the size is checked here too, in every stage.
  const problem =
    stored.size !== item.sizeBytes
      ? 'The file is not the declared size.'
      : contentProblem(item.purpose as MaterialPurpose, item.declaredType as FileType, stored.head, stored.size);
  await storage.remove(item.objectKey);
  if (problem) {
    await storage.remove(item.finalKey);
    await markRejected(caller.accountId, materialId);
    throw new RuleViolation('MATERIAL_INVALID', 'The uploaded file was refused.', [
      { condition: 'content-check', message: `${problem} Declare and upload an allowed file.` },
    ]);
  }
  await markVerified(caller.accountId, materialId, {
    fileType: item.declaredType as FileType,
    sizeBytes: stored.size,
    verifiedAt: nowIso(),
  });
  return { materialId, status: 'verified' as const, fileType: item.declaredType as FileType };
}
