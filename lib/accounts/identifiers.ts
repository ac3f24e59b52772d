/** R-LI-01, R-LI-07: an identifier names an account by email, mobile, login ID or tenant name. */
import { type AccountItem, accountIdByAnyClaim, accountIdByClaim, getAccount } from './account.js';
import { claimValue, identifierKind } from './rules.js';

export async function resolveAccountId(identifier: string): Promise<string | undefined> {
  const kind = identifierKind(identifier);
  if (kind === 'EMAIL') return accountIdByClaim('EMAIL', claimValue.email(identifier));
  if (kind === 'MOBILE') {
    const digits = claimValue.mobile(identifier);
    return accountIdByClaim('MOBILE', digits.startsWith('+') ? digits : `+${digits}`);
  }
  const name = claimValue.name(identifier);
  return accountIdByAnyClaim([
    ['LOGINID', name],
    ['TENANT', name],
  ]);
}

export async function resolveIdentifier(identifier: string): Promise<AccountItem | undefined> {
  const accountId = await resolveAccountId(identifier);
  return accountId ? getAccount(accountId) : undefined;
}

/**
 * R-SEC-03: like resolveIdentifier, but an identifier that names no account costs the same reads: the
 * account read goes to `decoyAccountId`, which names none. For answers that must not time apart.
 */
export async function resolveIdentifierEvenly(identifier: string, decoyAccountId: string): Promise<AccountItem | undefined> {
  const accountId = await resolveAccountId(identifier);
  const account = await getAccount(accountId ?? decoyAccountId);
  return accountId ? account : undefined;
}
