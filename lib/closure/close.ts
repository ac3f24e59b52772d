/**
 * Close, restore, disable and the closure status (R-CL-05..08, R-CL-10, R-CL-13). Closing re-evaluates
 * the check against the standing it reads and commits only if that standing is unchanged (a
 * ConditionCheck in the same transaction), with both timers and the notice.
 */
import { type AccountItem, accountUpdate, requireAccount, staleAccount } from '../accounts/account.js';
import { auditWrite } from '../core/audit/audit.js';
import { now } from '../core/clock.js';
import { config } from '../core/config.js';
import { Conflict, InvalidCode, NotFound, RuleViolation } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import { publishNow } from '../core/notify/outbox.js';
import { dueAttributes, keys } from '../core/store/keys.js';
import { TABLE } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, transact } from '../core/store/writes.js';
import { checkCode } from '../verification/challenges.js';
import { associationsOf } from './associations.js';
import { latestCheck } from './check.js';
import { HUAWEI_ID_NOTE, disableAccount } from './disable.js';
import { closureNotices } from './notices.js';
import { closureTimes, disableBlockers, evaluateClosure, isFresh } from './rules.js';
import { readStanding, standingUnchanged } from './standing.js';

interface Closure {
  closedAt: string;
  actionsAllowedFrom: string;
  autoDisableAt: string;
  reason: string;
  checkId: string;
}

const closureOf = (account: AccountItem) => account.closure as Closure | undefined;

function timerWrite(accountId: string, kind: 'closure-24h' | 'closure-90d', dueAt: string, closedAt: string): TransactItem {
  const key = keys.timer(accountId, kind);
  return { Put: { TableName: TABLE(), Item: { ...key, ...dueAttributes(accountId, dueAt, key.sk), dueKind: kind, accountId, closedAt } } };
}

const notAllowed = (condition: string, message: string, detail = 'This is not possible in the current state.') =>
  new RuleViolation('NOT_ALLOWED', detail, [{ condition, message }]);

export async function closeServices(session: Session, checkId: string, request: RequestInfo) {
  const account = await requireAccount(session.accountId);
  if (account.status !== 'active') throw notAllowed(`status-${account.status}`, 'Only active cloud services can be closed.');
  const check = await latestCheck(account.accountId);
  const at = now();
  // R-SEC-05: a checkId that is not this account's (latest) check answers as if it did not exist.
  if (!check || check.checkId !== checkId) throw new NotFound('No such closure check for this account; run the check again.');
  if (check.usedAt || !check.passed || !isFresh(check.checkedAt, at, config.closure.checkFreshSeconds)) {
    throw new RuleViolation('CHECK_FAILED', 'Closing needs a passed closure check from the last 30 minutes.', [
      { condition: 'check-required', message: 'Run the closure check again (POST /v1/closure/checks) and proceed with its checkId.' },
    ]);
  }
  const [{ standing, version }, associations] = await Promise.all([readStanding(account.accountId), associationsOf(account.accountId)]);
  const evaluation = evaluateClosure(standing, associations);
  if (!evaluation.passed) {
    throw new RuleViolation('CHECK_FAILED', 'The account no longer passes the closure check.', evaluation.groups.flatMap((g) => g.failures));
  }
  const closedAt = at.toISOString();
  const times = closureTimes(at, config.closure.actionsAllowedAfterSeconds, config.closure.retentionSeconds);
  const closure: Closure = { closedAt, ...times, reason: check.reason, checkId };
  const notices = await closureNotices(account, 'services-closed', { closedAt, ...times });
  await transact(
    [
      accountUpdate(account, { status: 'closed', closure }, { expectStatus: ['active'] }),
      standingUnchanged(account.accountId, version),
      {
        Update: {
          TableName: TABLE(),
          Key: keys.latestClosureCheck(account.accountId),
          UpdateExpression: 'SET usedAt = :at',
          ConditionExpression: 'checkId = :id AND attribute_not_exists(usedAt)',
          ExpressionAttributeValues: { ':at': closedAt, ':id': checkId },
        },
      },
      timerWrite(account.accountId, 'closure-24h', times.actionsAllowedFrom, closedAt),
      timerWrite(account.accountId, 'closure-90d', times.autoDisableAt, closedAt),
      ...notices.map((n) => n.write),
      auditWrite({ accountId: account.accountId, traceName: 'closeServices', request, result: 'success', changes: [{ field: 'status', old: 'active', new: 'closed' }] }),
    ],
    (failure) => {
      const failed = failure.failedItems();
      if (failed.includes(1)) return new Conflict('STATE_CONFLICT', 'The account standing changed meanwhile; run the closure check again.');
      if (failed.includes(2)) return new RuleViolation('CHECK_FAILED', 'This check was already used or replaced; run it again.');
      return staleAccount();
    },
  );
  await publishNow(notices.map((n) => n.pending));
  return { status: 'closed' as const, ...times, closedAt };
}

function assertActionsAllowed(account: AccountItem): Closure {
  const closure = closureOf(account);
  if (account.status !== 'closed' || !closure) throw notAllowed(`status-${account.status}`, 'Cloud services are not closed.');
  if (now().toISOString() < closure.actionsAllowedFrom) {
    throw new RuleViolation('TOO_EARLY', 'Restoring or disabling is possible 24 hours after closing.', [
      { condition: 'within-24-hours', message: `Try again from ${closure.actionsAllowedFrom}.` },
    ]);
  }
  return closure;
}

export async function restoreServices(session: Session, request: RequestInfo) {
  const account = await requireAccount(session.accountId);
  assertActionsAllowed(account);
  const notices = await closureNotices(account, 'services-restored', {});
  await transact(
    [
      accountUpdate(account, { status: 'active' }, { remove: ['closure', 'closureHold'], expectStatus: ['closed'] }),
      { Delete: { TableName: TABLE(), Key: keys.timer(account.accountId, 'closure-24h') } },
      { Delete: { TableName: TABLE(), Key: keys.timer(account.accountId, 'closure-90d') } },
      ...notices.map((n) => n.write),
      auditWrite({ accountId: account.accountId, traceName: 'restoreServices', request, result: 'success', changes: [{ field: 'status', old: 'closed', new: 'active' }] }),
    ],
    staleAccount,
  );
  await publishNow(notices.map((n) => n.pending));
  return { status: 'active' as const };
}

export async function disableServices(session: Session, verification: { challengeId: string; code: string }, request: RequestInfo) {
  const account = await requireAccount(session.accountId);
  assertActionsAllowed(account);
  if (account.closureHold) {
    throw notAllowed('closure-held', 'Customer service has put this closure on hold; contact them before disabling.', 'The closure is on hold.');
  }
  const blockers = disableBlockers((await readStanding(account.accountId)).standing);
  if (blockers.length) throw new RuleViolation('NOT_ALLOWED', 'Pay all outstanding amounts before disabling.', blockers);
  const { consume } = await checkCode({ ...verification, purpose: 'disable-services', accountId: account.accountId, sessionScoped: true });
  try {
    const { disabledAt } = await disableAccount(account, { by: 'customer', request, with: [consume] });
    return { status: 'disabled' as const, disabledAt, huaweiId: HUAWEI_ID_NOTE };
  } catch (error) {
    if (error instanceof ConditionFailed) throw error.failedItems().includes(0) ? new InvalidCode() : staleAccount();
    throw error;
  }
}

export async function closureStatus(session: Session) {
  const account = await requireAccount(session.accountId);
  const closure = closureOf(account);
  return {
    status: account.status,
    ...(closure ? { closedAt: closure.closedAt, actionsAllowedFrom: closure.actionsAllowedFrom, autoDisableAt: closure.autoDisableAt } : {}),
    ...(account.status === 'closed' ? { held: Boolean(account.closureHold) } : {}),
  };
}
