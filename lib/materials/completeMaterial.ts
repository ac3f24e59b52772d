/**
 * Completing a material (R-AI-07): reads the first bytes and the real size and accepts the file only if
 * it has the declared size and its content is an allowed type and the declared one.
 */
import type { AccountCaller } from '../core/caller.js';
import { now, nowIso } from '../core/clock.js';
import { randomToken } from '../core/crypto.js';
import { logger } from '../core/logger.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import { type FileType, type MaterialPurpose, SNIFF_BYTES, contentProblem } from './rules.js';
import { materialStorage } from './storage.js';
import { type MaterialItem, claimForCheck, loadMaterial, markRejected, markVerified, releaseClaim } from './store.js';

/** A completion that stopped mid-check (a crashed function) frees the material for another after this long. */
const CLAIM_STALE_MS = 60_000;

export async function completeMaterial(caller: AccountCaller, input: { materialId: string }) {
  const { materialId } = input;
  const item = await loadMaterial(caller.accountId, materialId);
  if (!item) throw new NotFound();
  if (item.status === 'verified') return verifiedAnswer(materialId, item);
  if (item.status === 'rejected') throw refusedBefore();
  // One completion at a time (a double click, a retry): the others answer what it found, or 409 while it checks.
  const claim = randomToken(16);
  const at = now();
  if (
    !(await claimForCheck(caller.accountId, materialId, claim, at.toISOString(), new Date(at.getTime() - CLAIM_STALE_MS).toISOString()))
  ) {
    const fresh = await loadMaterial(caller.accountId, materialId);
    if (fresh?.status === 'verified') return verifiedAnswer(materialId, fresh);
    if (fresh?.status === 'rejected') throw refusedBefore();
    throw new Conflict('STATE_CONFLICT', 'This material is being checked; ask again in a moment.');
  }
  try {
    return await checkClaimed(caller.accountId, item, claim);
  } catch (error) {
    // Nothing decided (nothing uploaded yet, a storage failure): the material awaits its upload again.
    await releaseClaim(caller.accountId, materialId, claim);
    throw error;
  }
}

const verifiedAnswer = (materialId: string, item: MaterialItem) => ({
  materialId,
  status: 'verified' as const,
  fileType: (item.fileType ?? item.declaredType) as FileType,
});

const refusedBefore = () =>
  new RuleViolation('MATERIAL_INVALID', 'This material was refused.', [
    { condition: 'content-check', message: 'Declare and upload the file again.' },
  ]);

async function checkClaimed(accountId: string, item: MaterialItem, claim: string) {
  const { materialId } = item;
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
  // Housekeeping only: the bucket expires raw uploads after a day anyway (an emulator's failed DELETE is no 500).
  await storage.remove(item.objectKey).catch(() => logger.warn('raw upload not removed'));
  if (problem) {
    await storage.remove(item.finalKey);
    await markRejected(accountId, materialId, claim);
    throw new RuleViolation('MATERIAL_INVALID', 'The uploaded file was refused.', [
      { condition: 'content-check', message: `${problem} Declare and upload an allowed file.` },
    ]);
  }
  await markVerified(
    accountId,
    materialId,
    { fileType: item.declaredType as FileType, sizeBytes: stored.size, verifiedAt: nowIso() },
    claim,
  );
  return { materialId, status: 'verified' as const, fileType: item.declaredType as FileType };
}
