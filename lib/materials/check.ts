/** A material (uploaded file) usable as evidence: it belongs to the account and its bytes passed the content check. */
import { NotFound, RuleViolation } from '../core/errors.js';
import { loadMaterial } from './store.js';

export async function requireVerifiedMaterial(accountId: string, materialId: string, purpose: string): Promise<void> {
  const material = await loadMaterial(accountId, materialId);
  // R-SEC-05: another account's material (looked up under the caller's own account only) is simply not found.
  if (!material) throw new NotFound('No such material for this account.');
  if (material.purpose !== purpose || material.status !== 'verified') {
    throw new RuleViolation('MATERIAL_INVALID', 'The material is still being checked, was refused, or is not of the right kind.', [
      {
        condition: 'material-not-verified',
        message: 'Upload the file with POST /v1/materials, then complete the upload, and use the materialId it returns.',
      },
    ]);
  }
}
