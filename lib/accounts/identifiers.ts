/** R-LI-01, R-LI-07: an identifier names an account by email, mobile, login ID or tenant name. */
import { keyedHash } from '../core/crypto.js';
import type { AccountItem } from './account.js';
import { accountIdByAnyClaim, accountIdByClaim, findAccount } from './store.js';
import { claimValue, identifierKind } from './rules.js';

/** The MOBILE claim value a mobile-shaped identifier is looked up by (also the decoys', lib/verification/decoys.ts). */
export function mobileClaimOf(identifier: string): string {
  const digits = claimValue.mobile(identifier);
  return digits.startsWith('+') ? digits : `+${digits}`;
}

export async function resolveAccountId(identifier: string): Promise<string | undefined> {
  const kind = identifierKind(identifier);
  if (kind === 'EMAIL') return accountIdByClaim('EMAIL', claimValue.email(identifier));
  if (kind === 'MOBILE') return accountIdByClaim('MOBILE', mobileClaimOf(identifier));
  const name = claimValue.name(identifier);
  return accountIdByAnyClaim([
    ['LOGINID', name],
    ['TENANT', name],
  ]);
}

export async function resolveIdentifier(identifier: string): Promise<AccountItem | undefined> {
  const accountId = await resolveAccountId(identifier);
  return accountId ? findAccount(accountId) : undefined;
}

/**
 * R-SEC-03: like resolveIdentifier, but an identifier that names no account costs the same reads: the
 * account read goes to `decoyAccountId`, which names none. For answers that must not time apart.
 */
export async function resolveIdentifierEvenly(identifier: string, decoyAccountId: string): Promise<AccountItem | undefined> {
  const accountId = await resolveAccountId(identifier);
  const account = await findAccount(accountId ?? decoyAccountId);
  return accountId ? account : undefined;
}

/** The identifier as lookups see it: two spellings that name the same account get the same decoy (and send limits). */
export function canonicalIdentifier(identifier: string): string {
  const kind = identifierKind(identifier);
  if (kind === 'EMAIL') return claimValue.email(identifier);
  if (kind === 'MOBILE') return mobileClaimOf(identifier.trim());
  return claimValue.name(identifier);
}

/**
 * R-SEC-03: an account ID that names no account (real ones start with `ac_`), stable per identifier: reads and
 * writes keyed by it (the even resolve, send limits, lock counts) cost the same as a real one's and change nothing.
 */
export function decoyAccountId(identifier: string): string {
  return `decoy_${keyedHash('decoy-account', canonicalIdentifier(identifier))}`;
}
