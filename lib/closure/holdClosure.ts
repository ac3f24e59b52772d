/** R-CL-12: an operator stops a closure during retention (complaint, investigation, litigation), audited with the operator's ID. */
import { staleAccount } from '../accounts/account.js';
import { accountUpdate } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { transact } from '../core/store/writes.js';
import { closedAccount } from './conditions.js';

export async function holdClosure(caller: OperatorCaller, input: { accountId: string; reason: string }) {
  const { accountId, reason } = input;
  const account = await closedAccount(accountId);
  const closureHold = { reason, heldAt: nowIso(), heldBy: caller.operatorId };
  await transact(
    [
      accountUpdate(account, { closureHold }, { expectStatus: ['closed'] }),
      auditWrite({
        accountId,
        traceName: 'holdClosure',
        request: caller.origin,
        result: 'success',
        actor: actorOf(caller),
        changes: [{ field: 'closureHold', new: 'held' }],
      }),
    ],
    staleAccount,
  );
  return { held: true as const, reason, heldAt: closureHold.heldAt };
}
