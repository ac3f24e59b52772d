/**
 * R-MM-01..03: a master asks to end the association with one of its members (another master's member, or no
 * member: 404). The R-MM-03 conditions (./rules.ts DISASSOCIATION_CONDITIONS, both sides) are judged and the commit
 * holds to the standings judged; one open request per pair (422 NOT_ALLOWED `request-pending`; a lapsed one the
 * scheduler has not reached is expired first). One transaction: the handshake and its open claim, the member row
 * unchanged, the log (both views), the master's audit trace and the notice to the member.
 */
import { findAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import { createHandshake, openHandshakeBetween } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { ConditionFailed } from '../core/store/writes.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import { type DisassociationPayload, RACE_TAGS, judgeDisassociation } from './disassociation.js';
import { expireLapsedDisassociation } from './expireDisassociation.js';
import { requireMaster } from './invitation.js';
import { ENTERPRISE_DISASSOCIATION } from './kinds.js';
import { enterpriseNotices } from './notices.js';
import { loadMember, memberIs } from './store.js';

const pendingRefusal = () =>
  new RuleViolation('NOT_ALLOWED', 'A disassociation request for this member is already open.', [
    { condition: 'request-pending', message: 'A request is already pending; wait for the member to answer or cancel it.' },
  ]);

export async function requestMemberDisassociation(caller: AccountCaller, input: { memberId: string }) {
  const profile = await requireMaster(caller);
  const masterId = caller.accountId;
  for (let attempt = 1; ; attempt += 1) {
    const row = await loadMember(masterId, input.memberId);
    if (!row) throw new NotFound('No such member.');
    const memberId = row.memberAccountId;
    const { holds } = await judgeDisassociation(masterId, memberId);
    const at = now();
    const time = at.toISOString();
    const requestId = newId('ed_');
    const expiresAt = new Date(at.getTime() + ENTERPRISE_DISASSOCIATION.expirySeconds * 1000).toISOString();
    const payload: DisassociationPayload = { accountingMode: row.accountingMode, enterpriseName: profile.enterpriseName };
    const notices = enterpriseNotices(
      'enterprise-disassociation-requested',
      { enterpriseName: profile.enterpriseName, masterAccountId: masterId, expiresAt },
      [await findAccount(memberId)],
    );
    try {
      const opened = await createHandshake(
        ENTERPRISE_DISASSOCIATION,
        {
          id: requestId,
          initiator: { id: masterId, role: 'master' },
          counterparty: { id: memberId, role: 'member' },
          payload: { ...payload },
        },
        at,
        [
          memberIs(row),
          ...holds,
          ...enterpriseLogWrites(
            { masterAccountId: masterId, memberAccountId: memberId, accountingMode: row.accountingMode, requestId },
            { event: 'disassociation-requested', actor: accountActor(masterId), time, details: { expiresAt } },
          ),
          auditWrite({
            accountId: masterId,
            traceName: 'requestMemberDisassociation',
            request: caller.origin,
            result: 'success',
            changes: [{ field: 'memberDisassociationRequest', new: requestId }],
          }),
          ...notices.map((n) => n.write),
        ],
      );
      if (!opened.ok) {
        if (opened.reason !== 'open-request-exists') throw new Error(`enterprise disassociation refused by the machine: ${opened.reason}`);
        const open = await openHandshakeBetween(ENTERPRISE_DISASSOCIATION, masterId, memberId);
        if (open && Date.parse(open.expiresAt) <= at.getTime() && attempt < 3) {
          await expireLapsedDisassociation(open, at);
          continue;
        }
        if (!open && attempt < 3) continue;
        throw pendingRefusal();
      }
      await publishNow(notices.map((n) => n.pending));
      return { requestId, status: 'pending' as const, memberAccountId: memberId, expiresAt: opened.request.expiresAt };
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // The member row or a standing changed after it was judged: judge again on what is there now.
      if (RACE_TAGS.some((t) => error.failed(t)) && attempt < 3) continue;
      if (RACE_TAGS.some((t) => error.failed(t))) throw new Conflict('STATE_CONFLICT', 'The association changed meanwhile; try again.');
      throw error;
    }
  }
}
