/**
 * R-CL-12: an operator stops a closure during retention (complaint, investigation, litigation) and may
 * lift that hold later. Both are audited on the account with the operator's ID. Lifting re-arms the
 * 90-day timer at the closure's own auto-disable time, so an overdue timer acts at the next run.
 */
import { type AccountItem, accountUpdate, getAccount, staleAccount } from '../accounts/account.js';
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import { NotFound, RuleViolation } from '../core/errors.js';
import type { RequestInfo } from '../core/http/route.js';
import { type Operator, operatorActor } from '../core/operators.js';
import { dueAttributes, keys } from '../core/store/keys.js';
import { TABLE } from '../core/store/table.js';
import { transact } from '../core/store/writes.js';

async function closedAccount(accountId: string): Promise<AccountItem> {
  const account = await getAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  if (account.status !== 'closed') {
    throw new RuleViolation('NOT_ALLOWED', 'Only a closed account in its retention period can be held.', [
      { condition: `status-${account.status}`, message: 'Nothing to hold: the account is not closed.' },
    ]);
  }
  return account;
}

export async function holdClosure(operator: Operator, accountId: string, reason: string, request: RequestInfo) {
  const account = await closedAccount(accountId);
  const closureHold = { reason, heldAt: nowIso(), heldBy: operator.operatorId };
  await transact(
    [
      accountUpdate(account, { closureHold }, { expectStatus: ['closed'] }),
      auditWrite({ accountId, traceName: 'holdClosure', request, result: 'success', actor: operatorActor(operator), changes: [{ field: 'closureHold', new: 'held' }] }),
    ],
    staleAccount,
  );
  return { held: true as const, reason, heldAt: closureHold.heldAt };
}

export async function liftClosureHold(operator: Operator, accountId: string, request: RequestInfo) {
  const account = await closedAccount(accountId);
  const closure = account.closure as { closedAt: string; autoDisableAt: string } | undefined;
  if (!account.closureHold || !closure) {
    throw new RuleViolation('NOT_ALLOWED', 'This closure is not on hold.', [{ condition: 'not-held', message: 'Nothing to lift.' }]);
  }
  const timer = keys.timer(accountId, 'closure-90d');
  const liftedAt = nowIso();
  await transact(
    [
      accountUpdate(account, {}, { remove: ['closureHold'], expectStatus: ['closed'] }),
      {
        Put: {
          TableName: TABLE(),
          Item: { ...timer, ...dueAttributes(accountId, closure.autoDisableAt, timer.sk), dueKind: 'closure-90d', accountId, closedAt: closure.closedAt },
        },
      },
      auditWrite({ accountId, traceName: 'liftClosureHold', request, result: 'success', actor: operatorActor(operator), changes: [{ field: 'closureHold', old: 'held' }] }),
    ],
    staleAccount,
  );
  return { held: false as const, liftedAt, autoDisableAt: closure.autoDisableAt };
}
