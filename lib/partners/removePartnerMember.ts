/**
 * R-PD-04, R-RN-05 (issue 11 review finding 3): the administrator cancels its pending invitation to an account, or
 * removes an account manager from its staff: the staff claim released, the member row deleted, `partnerProgram`
 * false again (the account may then join another partner, become a customer, or authenticate as an individual).
 * Refused: the administrator itself (422 `administrator`: a partner always has one), and an account manager that
 * customers are still assigned to (422 `assigned-customers`: assign them to someone else first; nothing is
 * unassigned silently). An assignment racing the removal is caught by the claim's `assignmentSeq` (one of the two
 * wins). An account that is neither this partner's staff nor invited by it: 404. Audited `leavePartner` on the
 * member with the partner as actor; logged `member-removed` / `member-invitation-canceled` for the partner.
 * Review 3 finding 1: an invitation past its `expiresAt` that the scheduler has not reached is expired here first, as
 * the scheduler would (`expireLapsedMembership`, `member-invitation-expired`); then nothing is pending any more, so
 * the answer is what it is for an account without one (404 unless it is this partner's staff).
 */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import { moveHandshake, openHandshakeBetween } from '../core/handshake/store.js';
import { transact } from '../core/store/writes.js';
import { expireLapsedMembership } from './expireMembership.js';
import { PARTNER_MEMBERSHIP } from './kinds.js';
import { membershipLog, membershipRefusal } from './membership.js';
import { partnerActor, partnerLogActor, requirePartnerStaff } from './staff.js';
import { loadMemberClaim, managerHasCustomers, staffLeaveWrites, staffStill } from './store.js';

const refused = (condition: string, detail: string, message: string) => new RuleViolation('NOT_ALLOWED', detail, [{ condition, message }]);

export async function removePartnerMember(caller: AccountCaller, accountId: string) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const at = now();
  const time = at.toISOString();
  const invitation = await openHandshakeBetween(PARTNER_MEMBERSHIP, staff.partnerId, accountId);
  if (invitation && Date.parse(invitation.expiresAt) <= at.getTime()) {
    const expired = await expireLapsedMembership(invitation, at);
    if (!expired.ok && expired.reason !== 'not-pending' && expired.reason !== 'not-found') throw membershipRefusal(expired.reason);
  } else if (invitation) {
    const moved = await moveHandshake(invitation.id, { party: staff.partnerId }, 'cancel', at, [
      staffStill(staff.accountId, staff),
      ...membershipLog(
        'member-invitation-canceled',
        { partnerId: staff.partnerId, accountId, requestId: invitation.id },
        partnerLogActor(staff),
        time,
      ),
    ]);
    if (!moved.ok) throw membershipRefusal(moved.reason);
    return { accountId, status: 'canceled' as const };
  }
  const claim = await loadMemberClaim(accountId);
  if (claim?.partnerId !== staff.partnerId) throw new NotFound();
  if (claim.role === 'administrator')
    throw refused('administrator', 'The administrator cannot be removed.', "The partner's administrator stays; an operator changes it.");
  if (await managerHasCustomers(staff.partnerId, accountId))
    throw refused(
      'assigned-customers',
      'Customers are assigned to this account manager.',
      'Assign its customers to another account manager first.',
    );
  await transact(
    [
      ...staffLeaveWrites(staff.partnerId, accountId, claim.assignmentSeq),
      staffStill(staff.accountId, staff),
      ...membershipLog('member-removed', { partnerId: staff.partnerId, accountId, role: claim.role }, partnerLogActor(staff), time),
      auditWrite({
        accountId,
        traceName: 'leavePartner',
        request: caller.origin,
        result: 'success',
        actor: partnerActor(staff),
        changes: [{ field: 'partnerRole', old: `${staff.partnerId}:${claim.role}` }],
      }),
    ],
    (failure) =>
      failure.failed('member') || failure.failed('staff')
        ? new Conflict('STATE_CONFLICT', 'The member changed meanwhile (e.g. a customer was assigned to it); try again.')
        : failure,
  );
  return { accountId, status: 'removed' as const };
}
