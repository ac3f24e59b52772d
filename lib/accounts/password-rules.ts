/** R-SU-03 for a new password of an existing account: not its email, login ID or tenant name. */
import { ValidationFailed } from '../core/errors.js';
import type { AccountItem } from './account.js';
import { fieldErrors, passwordProblems } from './rules.js';

/** The account attributes the new-password rule reads (a password change is conditioned on them, issue 10). */
export const PASSWORD_CONTEXT = ['email', 'loginId', 'tenantName'] as const;

export function checkNewPassword(account: AccountItem | undefined, password: string, path: string): void {
  // A HUAWEI ID whose cloud services are disabled has no tenant name any more (R-CL-11).
  const context = account
    ? [account.email, account.email.split('@')[0] ?? '', account.loginId, account.tenantName].filter((c): c is string => Boolean(c))
    : [];
  const errors = fieldErrors({ [path]: passwordProblems(password, context) });
  if (errors.length) throw new ValidationFailed(errors);
}
