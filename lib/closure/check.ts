/**
 * Closure check (R-CL-01..04): terms, reason and a `close-services` code, then the three check groups.
 * The result is kept (the latest one is what "view last check result" shows, and what "proceed to
 * close" refers to); a notice reports every result through the outbox: a failed check lists the failures,
 * a passed one says closing may proceed (R-CL-04).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { requireAccount } from '../accounts/account.js';
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import { config } from '../core/config.js';
import { newId } from '../core/crypto.js';
import { InvalidCode, NotFound, RuleViolation } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import { publishNow } from '../core/notify/outbox.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { transact } from '../core/store/writes.js';
import { checkCode } from '../verification/challenges.js';
import { associationsOf } from './associations.js';
import { closureNotices } from './notices.js';
import { type CheckResultGroup, evaluateClosure } from './rules.js';
import { readStanding } from './standing.js';

export interface CheckInput {
  reason: 'no-longer-needed' | 'mistakenly-enabled' | 'other';
  reasonText?: string;
  verification: { challengeId: string; code: string };
}

export interface CheckResult {
  checkId: string;
  passed: boolean;
  checkedAt: string;
  groups: CheckResultGroup[];
}

export async function runClosureCheck(session: Session, input: CheckInput, request: RequestInfo): Promise<CheckResult> {
  const account = await requireAccount(session.accountId);
  if (account.status !== 'active') {
    throw new RuleViolation('NOT_ALLOWED', 'Only accounts with enabled cloud services can close them.', [
      { condition: `status-${account.status}`, message: account.status === 'closed' ? 'The services are already closed.' : 'Enable cloud services first.' },
    ]);
  }
  const { consume } = await checkCode({ ...input.verification, purpose: 'close-services', accountId: account.accountId, sessionScoped: true });
  const [{ standing, version }, associations] = await Promise.all([readStanding(account.accountId), associationsOf(account.accountId)]);
  const evaluation = evaluateClosure(standing, associations);
  const result: CheckResult = { checkId: newId('ck_'), passed: evaluation.passed, checkedAt: nowIso(), groups: evaluation.groups };
  const failures = evaluation.groups.flatMap((g) => g.failures);
  // R-CL-04: a notice reports every result (to the recipients subscribed to closure notices too, R-PR-03).
  const notices = failures.length
    ? await closureNotices(account, 'closure-check-failed', { failures: failures.map((f) => `${f.condition} (${f.message})`).join('; ') })
    : await closureNotices(account, 'closure-check-passed', { checkedAt: result.checkedAt, minutes: String(Math.round(config.closure.checkFreshSeconds / 60)) });
  await transact(
    [
      consume,
      {
        Put: {
          TableName: TABLE(),
          Item: { ...keys.latestClosureCheck(account.accountId), ...result, reason: input.reason, reasonText: input.reasonText, standingVersion: version },
        },
      },
      auditWrite({ accountId: account.accountId, traceName: 'closureCheck', request, result: evaluation.passed ? 'success' : 'failure' }),
      ...notices.map((n) => n.write),
    ],
    () => new InvalidCode(),
  );
  await publishNow(notices.map((n) => n.pending));
  return result;
}

export async function latestCheck(accountId: string): Promise<(CheckResult & { reason: string; usedAt?: string }) | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.latestClosureCheck(accountId), ConsistentRead: true }));
  return Item as (CheckResult & { reason: string; usedAt?: string }) | undefined;
}

export async function viewLatestCheck(session: Session): Promise<CheckResult> {
  const check = await latestCheck(session.accountId);
  if (!check) throw new NotFound('No closure check has been run.');
  return { checkId: check.checkId, passed: check.passed, checkedAt: check.checkedAt, groups: check.groups };
}
