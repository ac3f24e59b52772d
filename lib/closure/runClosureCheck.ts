/**
 * Closure check (R-CL-01..04): terms, reason and a `close-services` code, then the three check groups.
 * The result is kept (the latest one is what "view last check result" shows, and what "proceed to
 * close" refers to); a notice reports every result through the outbox: a failed check lists the failures,
 * a passed one says closing may proceed (R-CL-04).
 */
import { requireAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { loadFacts } from '../core/checks/store.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { closureConfig } from '../core/config.js';
import { newId } from '../core/crypto.js';
import { InvalidCode, RuleViolation } from '../core/errors.js';
import { publishNow } from '../core/notify/outbox.js';
import { transact } from '../core/store/writes.js';
import { checkCode } from '../accounts/codes.js';
import { closureNotices } from './notices.js';
import { type CheckResultGroup, evaluateClosure } from './rules.js';
import { latestCheckPut } from './store.js';

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

export async function runClosureCheck(caller: AccountCaller, input: CheckInput): Promise<CheckResult> {
  const account = await requireAccount(caller.accountId);
  if (account.status !== 'active') {
    throw new RuleViolation('NOT_ALLOWED', 'Only accounts with enabled cloud services can close them.', [
      {
        condition: `status-${account.status}`,
        message: account.status === 'closed' ? 'The services are already closed.' : 'Enable cloud services first.',
      },
    ]);
  }
  const { consume } = await checkCode({
    ...input.verification,
    purpose: 'close-services',
    accountId: account.accountId,
    sessionScoped: true,
  });
  // One read of what the conditions judge (lib/core/checks): the standing and the association facts.
  const facts = await loadFacts(account.accountId);
  const version = facts.standingVersion;
  const evaluation = evaluateClosure(facts);
  const result: CheckResult = { checkId: newId('ck_'), passed: evaluation.passed, checkedAt: nowIso(), groups: evaluation.groups };
  const failures = evaluation.groups.flatMap((g) => g.failures);
  // R-CL-04: a notice reports every result (to the recipients subscribed to closure notices too, R-PR-03).
  const notices = failures.length
    ? await closureNotices(account, 'closure-check-failed', { failures: failures.map((f) => `${f.condition} (${f.message})`).join('; ') })
    : await closureNotices(account, 'closure-check-passed', {
        checkedAt: result.checkedAt,
        minutes: String(Math.round(closureConfig.checkFreshSeconds / 60)),
      });
  await transact(
    [
      consume,
      latestCheckPut(account.accountId, { ...result, reason: input.reason, reasonText: input.reasonText, standingVersion: version }),
      auditWrite({
        accountId: account.accountId,
        traceName: 'closureCheck',
        request: caller.origin,
        result: evaluation.passed ? 'success' : 'failure',
      }),
      ...notices.map((n) => n.write),
    ],
    () => new InvalidCode(),
  );
  await publishNow(notices.map((n) => n.pending));
  return result;
}
