/** The accounts the partners area works with: they must exist and be active (services enabled). */
import { findAccount } from '../accounts/store.js';
import type { AccountItem } from '../accounts/account.js';
import { NotFound, RuleViolation } from '../core/errors.js';
import { normaliseText } from './customer-index.js';

export const notActive = () =>
  new RuleViolation('NOT_ALLOWED', 'The account is not active.', [
    { condition: 'account-not-active', message: 'The account must have enabled cloud services and be open.' },
  ]);

export async function activeAccountOf(accountId: string): Promise<AccountItem> {
  const account = await findAccount(accountId);
  if (!account) throw new NotFound('The account does not exist.');
  if (account.status !== 'active') throw notActive();
  return account;
}

/** The name the partner sees: the real name when there is one, else the tenant name. */
export const customerNameOf = (account: Pick<AccountItem, 'enterpriseName' | 'fullName' | 'tenantName'>): string =>
  account.enterpriseName ?? account.fullName ?? account.tenantName;

/** The account name the partner searches its records by (R-PD-07): the tenant name, normalised; never the login ID. */
export const customerAccountOf = (account: Pick<AccountItem, 'tenantName'>): string => normaliseText(account.tenantName);
