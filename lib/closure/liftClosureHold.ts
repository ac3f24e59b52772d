/**
 * R-CL-12: an operator lifts a closure hold. The 90-day timer is re-armed at the closure's own
 * auto-disable time, so an overdue timer acts at the next run.
 */
import { staleAccount } from '../accounts/account.js';
import { accountUpdate } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { RuleViolation } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { closedAccount } from './conditions.js';
import { closureTimerPut } from './store.js';

export async function liftClosureHold(caller: OperatorCaller, input: { accountId: string }) {
  const { accountId } = input;
  const account = await closedAccount(accountId);
  const closure = account.closure as { closedAt: string; autoDisableAt: string } | undefined;
  if (!account.closureHold || !closure) {
    throw new RuleViolation('NOT_ALLOWED', 'This closure is not on hold.', [{ condition: 'not-held', message: 'Nothing to lift.' }]);
  }
  const liftedAt = nowIso();
  await transact(
    [
      accountUpdate(account, {}, { remove: ['closureHold'], expectStatus: ['closed'] }),
      closureTimerPut(accountId, 'closure-90d', closure.autoDisableAt, closure.closedAt),
      auditWrite({
        accountId,
        traceName: 'liftClosureHold',
        request: caller.origin,
        result: 'success',
        actor: actorOf(caller),
        changes: [{ field: 'closureHold', old: 'held' }],
      }),
    ],
    staleAccount,
  );
  return { held: false as const, liftedAt, autoDisableAt: closure.autoDisableAt };
}
