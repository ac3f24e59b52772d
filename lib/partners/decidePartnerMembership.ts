/**
 * R-PD-04, R-RN-05 (issue 11 review finding 3): the invited account accepts or rejects an invitation to a partner's
 * staff. Accepting makes it staff in the handshake's move transaction: its staff claim (one partner organisation per
 * account: 409 `STATE_CONFLICT` to the account itself when it is staff somewhere already, also under races), the
 * partner's member row and `partnerProgram` (R-RN-05); refused (422 `partner-customer`) while it is this partner's
 * customer, and while it is an Enterprise Center master (422 CHECK_FAILED `enterprise-master`, R-MM-01, judged in the
 * transaction). Audited `joinPartner` on the account; logged `member-joined` / `member-declined` for the partner.
 * Another account's invitation is not found (404).
 */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { Conflict, NotFound } from '../core/errors.js';
import { decide } from '../core/handshake/machine.js';
import { loadHandshakeOf, moveHandshake } from '../core/handshake/store.js';
import { ConditionFailed, type TransactItem } from '../core/store/writes.js';
import { isMembership, membershipLog, membershipRefusal, partnerCustomerRefusal, payloadOf } from './membership.js';
import { enterpriseMasterRefusal } from './rules.js';
import { accountActive, notCustomerOf, staffWrites } from './store.js';

export async function decidePartnerMembership(caller: AccountCaller, input: { requestId: string; accept: boolean }) {
  const request = await loadHandshakeOf(input.requestId, caller.accountId);
  // Only the invited account decides; the partner's side of the request is not a way in either.
  if (!isMembership(request) || request.counterparty.id !== caller.accountId) throw new NotFound();
  const move = input.accept ? 'accept' : 'reject';
  const at = now();
  const early = decide(request, { party: caller.accountId }, move, at);
  if (!early.ok) throw membershipRefusal(early.reason);
  const p = payloadOf(request);
  const time = at.toISOString();
  const actor = { kind: 'account' as const, id: caller.accountId };
  const extra: TransactItem[] = input.accept
    ? [
        ...staffWrites(p.partnerId, caller.accountId, p.role, time),
        accountActive(caller.accountId),
        notCustomerOf(caller.accountId, p.partnerId),
        ...membershipLog('member-joined', { ...p, requestId: request.id }, actor, time),
        auditWrite({
          accountId: caller.accountId,
          traceName: 'joinPartner',
          request: caller.origin,
          result: 'success',
          changes: [{ field: 'partnerRole', new: `${p.partnerId}:${p.role}` }],
        }),
      ]
    : membershipLog('member-declined', { ...p, requestId: request.id }, actor, time);
  try {
    const moved = await moveHandshake(request.id, { party: caller.accountId }, move, at, extra);
    if (!moved.ok) throw membershipRefusal(moved.reason);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.failed('staff')) throw new Conflict('STATE_CONFLICT', 'You are already staff of a partner; leave it first.');
    if (error.failed('pointer')) throw partnerCustomerRefusal();
    if (error.failed('enterprise-master')) throw enterpriseMasterRefusal();
    if (error.failed('account')) throw new Conflict('STATE_CONFLICT', 'Your account is not active.');
    throw error;
  }
  return { status: input.accept ? ('accepted' as const) : ('rejected' as const) };
}
