/**
 * R-PA-01: the partner administrator revokes one of its invitations; its token stops working (an association
 * racing the revoke commits only if the invitation is still open). Another partner's invitation is not found.
 * Revoking a revoked invitation answers the same, logged once (R-PD-07).
 */
import { logWrites } from '../core/association-log/log.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { NotFound } from '../core/errors.js';
import { ConditionFailed, transact } from '../core/store/writes.js';
import { partnerLogActor, requirePartnerStaff } from './staff.js';
import { invitationRevoke, loadInvitation, staffStill } from './store.js';

export async function revokePartnerInvitation(caller: AccountCaller, invitationId: string) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const invitation = await loadInvitation(invitationId);
  if (!invitation || invitation.partnerId !== staff.partnerId) throw new NotFound();
  const answer = { invitationId, status: 'revoked' as const };
  if (invitation.revokedAt) return answer;
  const at = nowIso();
  try {
    await transact([
      invitationRevoke(invitation, at, staff.accountId),
      staffStill(staff.accountId, staff),
      ...logWrites(
        {
          area: 'partner',
          event: 'invitation-revoked',
          actor: partnerLogActor(staff),
          partnerId: staff.partnerId,
          model: invitation.model,
          details: { invitationId },
          time: at,
        },
        [staff.partnerId],
      ),
    ]);
  } catch (error) {
    // A parallel revoke won: the invitation is revoked either way.
    if (!(error instanceof ConditionFailed && error.failed('invitation'))) throw error;
  }
  return answer;
}
