/** R-CL-12: an operator stops a closure during retention (complaint, investigation, litigation). */
import { accountUpdate, getAccount, staleAccount } from '../accounts/account.js';
import { nowIso } from '../clock.js';
import { NotFound, RuleViolation } from '../errors.js';
import { transact } from '../store/writes.js';

export async function holdClosure(accountId: string, reason: string) {
  const account = await getAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  if (account.status !== 'closed') {
    throw new RuleViolation('NOT_ALLOWED', 'Only a closed account in its retention period can be held.', [
      { condition: `status-${account.status}`, message: 'Nothing to hold: the account is not closed.' },
    ]);
  }
  const closureHold = { reason, heldAt: nowIso() };
  await transact([accountUpdate(account, { closureHold }, { expectStatus: ['closed'] })], staleAccount);
  return { held: true as const, ...closureHold };
}
