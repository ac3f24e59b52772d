/**
 * The accounts area's lifecycle hook (issue 10): disabling cloud services releases the cloud claims
 * (tenant name, service mobile and email); the HUAWEI ID's own claims (email, mobile, login ID) stay
 * bound to it (R-CL-13) until the HUAWEI ID is deleted (R-CL-14).
 */
import type { LifecycleHook } from '../core/lifecycle.js';
import type { ClaimKind } from '../core/store/keys.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE } from '../core/store/table.js';
import type { AccountItem } from './account.js';
import { claimValue } from './rules.js';

/** The unique values an account holds. */
export function claimsOf(account: Partial<AccountItem>): Array<[ClaimKind, string]> {
  const claims: Array<[ClaimKind, string | undefined]> = [
    ['EMAIL', account.email === undefined ? undefined : claimValue.email(account.email)],
    ['MOBILE', account.mobile],
    ['SVCMOBILE', account.serviceMobile],
    ['SVCEMAIL', account.serviceEmail],
    ['LOGINID', account.loginId === undefined ? undefined : claimValue.name(account.loginId)],
    ['TENANT', account.tenantName === undefined ? undefined : claimValue.name(account.tenantName)],
  ];
  return claims.filter((c): c is [ClaimKind, string] => c[1] !== undefined);
}

/** R-CL-13: the claims of the HUAWEI ID itself; they stay bound to it when cloud services are disabled. */
export const IDENTITY_CLAIMS: ReadonlySet<ClaimKind> = new Set<ClaimKind>(['EMAIL', 'MOBILE', 'LOGINID']);

export const accountsLifecycle: LifecycleHook = {
  area: 'accounts',
  onDisable: (account) =>
    claimsOf(account as Partial<AccountItem>)
      .filter(([kind]) => !IDENTITY_CLAIMS.has(kind))
      .map(([kind, value]) => ({ Delete: { TableName: TABLE(), Key: keys.claim(kind, value) } })),
};
