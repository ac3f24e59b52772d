/**
 * R-MM-02: the master may cancel its disassociation request until the member agrees (after that, or once it was
 * rejected, canceled or lapsed: 422 NOT_ALLOWED `not-pending`). Only the master that sent it (the member, another
 * account: 404). One transaction: the move, `disassociation-canceled` on both views, the audit trace and the notice
 * to both accounts (R-MM-01).
 */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { NotFound } from '../core/errors.js';
import { decide } from '../core/handshake/machine.js';
import { loadHandshakeOf, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import { disassociationPayloadOf, isDisassociation, resultNoticesToBoth } from './disassociation.js';
import { moveRefusal, requireMaster } from './invitation.js';

export async function cancelMemberDisassociation(caller: AccountCaller, input: { requestId: string }) {
  await requireMaster(caller);
  const request = await loadHandshakeOf(input.requestId, caller.accountId);
  if (!isDisassociation(request) || request.initiator.id !== caller.accountId) throw new NotFound();
  const at = now();
  const early = decide(request, { party: caller.accountId }, 'cancel', at);
  if (!early.ok) throw moveRefusal(early.reason);
  const masterId = caller.accountId;
  const memberId = request.counterparty.id;
  const time = at.toISOString();
  const notices = await resultNoticesToBoth(masterId, memberId, 'canceled', time);
  const moved = await moveHandshake(request.id, { party: masterId }, 'cancel', at, [
    ...enterpriseLogWrites(
      {
        masterAccountId: masterId,
        memberAccountId: memberId,
        accountingMode: disassociationPayloadOf(request).accountingMode,
        requestId: request.id,
      },
      { event: 'disassociation-canceled', actor: accountActor(masterId), time },
    ),
    auditWrite({
      accountId: masterId,
      traceName: 'cancelMemberDisassociation',
      request: caller.origin,
      result: 'success',
      changes: [{ field: 'memberDisassociationRequest', old: request.id }],
    }),
    ...notices.map((n) => n.write),
  ]);
  if (!moved.ok) throw moveRefusal(moved.reason);
  await publishNow(notices.map((n) => n.pending));
  return { requestId: request.id, status: 'canceled' as const };
}
