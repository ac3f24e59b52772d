/** States a closure operation needs (R-CL-07, R-CL-10, R-CL-12), as DomainErrors when they do not hold. */
import type { AccountItem } from '../accounts/account.js';
import { findAccount } from '../accounts/store.js';
import { now } from '../core/clock.js';
import { NotFound, RuleViolation } from '../core/errors.js';

export interface Closure {
  closedAt: string;
  actionsAllowedFrom: string;
  autoDisableAt: string;
  reason: string;
  checkId: string;
}

export const closureOf = (account: AccountItem) => account.closure as Closure | undefined;

export const notAllowed = (condition: string, message: string, detail = 'This is not possible in the current state.') =>
  new RuleViolation('NOT_ALLOWED', detail, [{ condition, message }]);

/** R-CL-07: restoring or disabling needs a closed account, 24 hours after closing. */
export function assertActionsAllowed(account: AccountItem): Closure {
  const closure = closureOf(account);
  if (account.status !== 'closed' || !closure) throw notAllowed(`status-${account.status}`, 'Cloud services are not closed.');
  if (now().toISOString() < closure.actionsAllowedFrom) {
    throw new RuleViolation('TOO_EARLY', 'Restoring or disabling is possible 24 hours after closing.', [
      { condition: 'within-24-hours', message: `Try again from ${closure.actionsAllowedFrom}.` },
    ]);
  }
  return closure;
}

/** R-CL-12: an operator acts on a closed account in its retention period; a disabled or unknown one is not found. */
export async function closedAccount(accountId: string): Promise<AccountItem> {
  const account = await findAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  if (account.status !== 'closed') {
    throw new RuleViolation('NOT_ALLOWED', 'Only a closed account in its retention period can be held.', [
      { condition: `status-${account.status}`, message: 'Nothing to hold: the account is not closed.' },
    ]);
  }
  return account;
}
