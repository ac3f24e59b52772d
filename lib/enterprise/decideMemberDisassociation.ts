/**
 * R-MM-01..03, R-MM-05: only the member a disassociation request was sent to agrees or rejects it (the master,
 * another account: 404). Agreeing re-checks R-MM-03 on both sides (422 CHECK_FAILED; the commit holds to the
 * standings judged) and ends the association in the handshake's move transaction: the member row and pointer
 * deleted, the member's facts cleared, the master's counters down, the former-member window kept (R-MM-05: orders
 * placed in it stay visible to the master), `awaitingPaymentMethod` on a member the master created that has bound no
 * payment method (R-MM-05: suspended until it binds one; the commit holds to the binding judged, so a racing bind is
 * never lost), the log (both views), both accounts' audit traces and the notice to both (R-MM-01). Rejecting keeps
 * the association; logged, both told.
 */
import { findAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import { decide } from '../core/handshake/machine.js';
import { loadHandshakeOf, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { ConditionFailed, type TransactItem } from '../core/store/writes.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import { RACE_TAGS, disassociationPayloadOf, isDisassociation, judgeDisassociation, resultNoticesToBoth } from './disassociation.js';
import { moveRefusal } from './invitation.js';
import { loadMember, memberEndWrites, paymentMethodIs } from './store.js';

export async function decideMemberDisassociation(caller: AccountCaller, input: { requestId: string; accept: boolean }) {
  const request = await loadHandshakeOf(input.requestId, caller.accountId);
  // Only the member decides; the master's side of the request is not a way in.
  if (!isDisassociation(request) || request.counterparty.id !== caller.accountId) throw new NotFound();
  const move = input.accept ? 'accept' : 'reject';
  const masterId = request.initiator.id;
  const memberId = caller.accountId;
  const ref = {
    masterAccountId: masterId,
    memberAccountId: memberId,
    accountingMode: disassociationPayloadOf(request).accountingMode,
    requestId: request.id,
  };
  const actor = accountActor(memberId);
  for (let attempt = 1; ; attempt += 1) {
    const at = now();
    const early = decide(request, { party: memberId }, move, at);
    if (!early.ok) throw moveRefusal(early.reason);
    const time = at.toISOString();
    const notices = await resultNoticesToBoth(masterId, memberId, input.accept ? 'agreed' : 'rejected', time);
    let extra: TransactItem[];
    let awaitingPaymentMethod = false;
    if (input.accept) {
      const row = await loadMember(masterId, memberId);
      if (!row)
        throw new RuleViolation('NOT_ALLOWED', 'The association has ended already.', [
          { condition: 'not-associated', message: 'The account is no longer a member of this master.' },
        ]);
      const { holds } = await judgeDisassociation(masterId, memberId);
      const binding = row.createdByMaster
        ? ((await findAccount(memberId))?.paymentMethod as { status?: string } | undefined)?.status
        : undefined;
      awaitingPaymentMethod = row.createdByMaster && binding !== 'bound';
      extra = [
        ...memberEndWrites(row, time, { awaitingPaymentMethod }),
        ...holds,
        ...(row.createdByMaster ? [paymentMethodIs(memberId, binding)] : []),
        ...enterpriseLogWrites(ref, { event: 'disassociation-agreed', actor, time }),
        ...enterpriseLogWrites(
          { ...ref, permissions: row.permissions },
          {
            event: 'disassociated',
            actor,
            time,
            details: { associatedAt: row.associatedAt, ...(awaitingPaymentMethod ? { awaitingPaymentMethod } : {}) },
          },
        ),
        auditWrite({
          accountId: memberId,
          traceName: 'decideMemberDisassociation',
          request: caller.origin,
          result: 'success',
          changes: [{ field: 'masterAccountId', old: masterId }],
        }),
        auditWrite({
          accountId: masterId,
          traceName: 'decideMemberDisassociation',
          request: caller.origin,
          result: 'success',
          actor: memberId,
          changes: [{ field: 'enterpriseMember', old: memberId }],
        }),
      ];
    } else {
      extra = [
        ...enterpriseLogWrites(ref, { event: 'disassociation-rejected', actor, time }),
        auditWrite({
          accountId: memberId,
          traceName: 'decideMemberDisassociation',
          request: caller.origin,
          result: 'success',
          changes: [{ field: 'memberDisassociationRequest', old: request.id, new: 'rejected' }],
        }),
      ];
    }
    try {
      const moved = await moveHandshake(request.id, { party: memberId }, move, at, [...extra, ...notices.map((n) => n.write)]);
      if (!moved.ok) throw moveRefusal(moved.reason);
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // A standing, the member row or the payment-method binding changed after it was judged: judge again.
      if (RACE_TAGS.some((t) => error.failed(t)) && attempt < 3) continue;
      if (RACE_TAGS.some((t) => error.failed(t)) || error.failed('pointer'))
        throw new Conflict('STATE_CONFLICT', 'The association changed meanwhile; try again.');
      throw error;
    }
    await publishNow(notices.map((n) => n.pending));
    if (!input.accept) return { status: 'rejected' as const };
    return {
      status: 'accepted' as const,
      disassociatedAt: time,
      ...(awaitingPaymentMethod ? { paymentMethodRequired: true as const } : {}),
    };
  }
}
