/** R-SU-07: the payment-method binding is a status with an optional failure reason; no card data. */
import { NotFound } from '../errors.js';
import { transact } from '../store/writes.js';
import { accountUpdate, getAccount, staleAccount } from './account.js';

export async function recordPaymentMethod(accountId: string, input: { status: 'none' | 'bound' | 'failed'; reason?: string }) {
  const account = await getAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  const paymentMethod = input.status === 'failed' ? { status: input.status, reason: input.reason } : { status: input.status };
  await transact([accountUpdate(account, { paymentMethod })], staleAccount);
  return paymentMethod;
}
