/**
 * R-SU-07: the payment-method binding is a status with an optional failure reason; no card data. Audited with the
 * operator's ID. R-MM-05 (issue 12): recording `bound` ends the suspension of a former member the master created
 * (the `awaitingPaymentMethod` fact, cleared in the same transaction).
 */
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { awaitingPaymentMethodClear } from '../core/checks/store.js';
import { NotFound } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { staleAccount } from './account.js';
import { accountUpdate, findAccount } from './store.js';

export async function recordPaymentMethod(
  caller: OperatorCaller,
  input: { accountId: string; status: 'none' | 'bound' | 'failed'; reason?: string },
) {
  const account = await findAccount(input.accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  const paymentMethod = input.status === 'failed' ? { status: input.status, reason: input.reason } : { status: input.status };
  const old = (account.paymentMethod as { status?: string } | undefined)?.status;
  await transact(
    [
      // Issue 10: conditioned on the binding it replaces and on the account not being disabled meanwhile.
      accountUpdate(account, { paymentMethod }, { expectStatus: ['registered', 'active', 'closed'], read: ['paymentMethod'] }),
      auditWrite({
        accountId: input.accountId,
        traceName: 'recordPaymentMethod',
        request: caller.origin,
        result: 'success',
        actor: actorOf(caller),
        changes: [{ field: 'paymentMethod', old, new: input.status }],
      }),
      ...(input.status === 'bound' ? [awaitingPaymentMethodClear(input.accountId)] : []),
    ],
    staleAccount,
  );
  return paymentMethod;
}
