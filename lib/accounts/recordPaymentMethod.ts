/** R-SU-07: the payment-method binding is a status with an optional failure reason; no card data. Audited with the operator's ID. */
import { auditWrite } from '../core/audit/audit.js';
import { NotFound } from '../core/errors.js';
import type { RequestInfo } from '../core/http/route.js';
import { type Operator, operatorActor } from '../core/operators.js';
import { transact } from '../core/store/writes.js';
import { accountUpdate, getAccount, staleAccount } from './account.js';

export async function recordPaymentMethod(
  operator: Operator,
  accountId: string,
  input: { status: 'none' | 'bound' | 'failed'; reason?: string },
  request: RequestInfo,
) {
  const account = await getAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  const paymentMethod = input.status === 'failed' ? { status: input.status, reason: input.reason } : { status: input.status };
  const old = (account.paymentMethod as { status?: string } | undefined)?.status;
  await transact(
    [
      accountUpdate(account, { paymentMethod }),
      auditWrite({ accountId, traceName: 'recordPaymentMethod', request, result: 'success', actor: operatorActor(operator), changes: [{ field: 'paymentMethod', old, new: input.status }] }),
    ],
    staleAccount,
  );
  return paymentMethod;
}
