/**
 * Close (R-CL-05, R-CL-06): re-evaluates the check against the standing it reads and commits only if that
 * standing is unchanged (a ConditionCheck in the same transaction) and the check is used once, with both
 * timers and the notice.
 */
import { staleAccount } from '../accounts/account.js';
import { accountUpdate, requireAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { loadFacts, stillUnassociated } from '../core/checks/store.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { closureConfig } from '../core/config.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import { publishNow } from '../core/notify/outbox.js';
import { transact } from '../core/store/writes.js';
import { type Closure, notAllowed } from './conditions.js';
import { closureNotices } from './notices.js';
import { closureTimes, evaluateClosure, isFresh } from './rules.js';
import { checkUse, closureTimerPut, loadLatestCheck, standingUnchanged } from './store.js';

export async function closeServices(caller: AccountCaller, input: { checkId: string }) {
  const { checkId } = input;
  const account = await requireAccount(caller.accountId);
  if (account.status !== 'active') throw notAllowed(`status-${account.status}`, 'Only active cloud services can be closed.');
  const check = await loadLatestCheck(account.accountId);
  const at = now();
  // R-SEC-05: a checkId that is not this account's (latest) check answers as if it did not exist.
  if (!check || check.checkId !== checkId) throw new NotFound('No such closure check for this account; run the check again.');
  if (check.usedAt || !check.passed || !isFresh(check.checkedAt, at, closureConfig.checkFreshSeconds)) {
    throw new RuleViolation('CHECK_FAILED', 'Closing needs a passed closure check from the last 30 minutes.', [
      { condition: 'check-required', message: 'Run the closure check again (POST /v1/closure/checks) and proceed with its checkId.' },
    ]);
  }
  // One read of what the conditions judge (lib/core/checks): the standing and the association facts.
  const facts = await loadFacts(account.accountId);
  const version = facts.standingVersion;
  const evaluation = evaluateClosure(facts);
  if (!evaluation.passed) {
    throw new RuleViolation(
      'CHECK_FAILED',
      'The account no longer passes the closure check.',
      evaluation.groups.flatMap((g) => g.failures),
    );
  }
  const closedAt = at.toISOString();
  const times = closureTimes(at, closureConfig.actionsAllowedAfterSeconds, closureConfig.retentionSeconds);
  const closure: Closure = { closedAt, ...times, reason: check.reason, checkId };
  const notices = await closureNotices(account, 'services-closed', { closedAt, ...times });
  await transact(
    [
      accountUpdate(account, { status: 'closed', closure }, { expectStatus: ['active'] }),
      standingUnchanged(account.accountId, version),
      stillUnassociated(account.accountId),
      checkUse(account.accountId, checkId, closedAt),
      closureTimerPut(account.accountId, 'closure-24h', times.actionsAllowedFrom, closedAt),
      closureTimerPut(account.accountId, 'closure-90d', times.autoDisableAt, closedAt),
      ...notices.map((n) => n.write),
      auditWrite({
        accountId: account.accountId,
        traceName: 'closeServices',
        request: caller.origin,
        result: 'success',
        changes: [{ field: 'status', old: 'active', new: 'closed' }],
      }),
    ],
    (failure) => {
      if (failure.failed('standing'))
        return new Conflict('STATE_CONFLICT', 'The account standing changed meanwhile; run the closure check again.');
      if (failure.failed('facts'))
        return new Conflict('STATE_CONFLICT', 'The account was associated meanwhile; run the closure check again.');
      if (failure.failed('check')) return new RuleViolation('CHECK_FAILED', 'This check was already used or replaced; run it again.');
      return staleAccount();
    },
  );
  await publishNow(notices.map((n) => n.pending));
  return { status: 'closed' as const, ...times, closedAt };
}
