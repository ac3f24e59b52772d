/**
 * R-MM-07: only the master that sent an invitation cancels it, while it is pending: an account that is no master is
 * refused 403 like on every master route; another master's invitation, or the invitee's side of it: 404 (R-SEC-05). One transaction: the move, the master's open-invitation slot given back,
 * `invitation-canceled` on both views, the audit trace and the notice to the invited account (R-MM-07). An
 * invitation that lapsed already (the scheduler has not reached it) is expired instead: 200 `{ status: 'expired' }`,
 * its slot given back (issue 12 review).
 */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { NotFound } from '../core/errors.js';
import { decide } from '../core/handshake/machine.js';
import { loadHandshakeOf, moveHandshake } from '../core/handshake/store.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import { isInvitation, moveRefusal, payloadOf, requireMaster } from './invitation.js';
import { publishNow } from '../core/notify/outbox.js';
import { expireLapsedInvitation, invitationEndNotices } from './expireInvitation.js';
import { openInvitationsRelease } from './store.js';

export async function cancelEnterpriseInvitation(caller: AccountCaller, input: { invitationId: string }) {
  await requireMaster(caller);
  const request = await loadHandshakeOf(input.invitationId, caller.accountId);
  if (!isInvitation(request) || request.initiator.id !== caller.accountId) throw new NotFound();
  const at = now();
  const early = decide(request, { party: caller.accountId }, 'cancel', at);
  if (!early.ok && early.reason === 'expired') {
    const expired = await expireLapsedInvitation(request, at);
    if (!expired.ok) throw moveRefusal(expired.reason);
    return { invitationId: request.id, status: 'expired' as const };
  }
  if (!early.ok) throw moveRefusal(early.reason);
  const notices = await invitationEndNotices(request, 'canceled', at.toISOString(), false);
  const p = payloadOf(request);
  const memberId = request.counterparty.id;
  const moved = await moveHandshake(request.id, { party: caller.accountId }, 'cancel', at, [
    openInvitationsRelease(caller.accountId),
    ...enterpriseLogWrites(
      {
        masterAccountId: caller.accountId,
        memberAccountId: memberId,
        accountingMode: p.accountingMode,
        permissions: p.permissions,
        requestId: request.id,
      },
      { event: 'invitation-canceled', actor: accountActor(caller.accountId), time: at.toISOString() },
    ),
    auditWrite({
      accountId: caller.accountId,
      traceName: 'cancelEnterpriseInvitation',
      request: caller.origin,
      result: 'success',
      changes: [{ field: 'enterpriseInvitation', old: request.id }],
    }),
    ...notices.map((n) => n.write),
  ]);
  if (!moved.ok) throw moveRefusal(moved.reason);
  await publishNow(notices.map((n) => n.pending));
  return { invitationId: request.id, status: 'canceled' as const };
}
