/** A material (uploaded file) usable as evidence: it belongs to the account and its bytes passed the content check. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFound, RuleViolation } from '../core/errors.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';

export async function requireVerifiedMaterial(accountId: string, materialId: string, purpose: string): Promise<void> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.material(accountId, materialId), ConsistentRead: true }));
  // R-SEC-05: another account's material (looked up under the caller's own account only) is simply not found.
  if (!Item) throw new NotFound('No such material for this account.');
  if (Item.purpose !== purpose || Item.status !== 'verified') {
    throw new RuleViolation('MATERIAL_INVALID', 'The material is still being checked, was refused, or is not of the right kind.', [
      { condition: 'material-not-verified', message: 'Upload the file with POST /v1/materials, then complete the upload, and use the materialId it returns.' },
    ]);
  }
}
