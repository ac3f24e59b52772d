/**
 * What the partner sees of a customer's account (R-PA-01: the customer agreed to share its name and contact data;
 * R-PD-10: hidden until revealed one field at a time), and the values the customer-list index takes from the account.
 */
import type { AccountItem } from '../accounts/account.js';
import { maskEmail, maskMobile, maskName } from '../core/contact/mask.js';
import { keyedHash } from '../core/crypto.js';
import { customerNameOf } from './accounts.js';
import { type IndexExtras, MOBILE_HASH_PURPOSE } from './customer-index.js';

type AccountFields = Pick<AccountItem, 'fullName' | 'enterpriseName' | 'tenantName' | 'loginId' | 'email' | 'mobile'> &
  Partial<Pick<AccountItem, 'serviceEmail' | 'serviceMobile'>>;

/** The customer's contact fields as the partner sees them: the service contact where set (where notices go). */
export function contactOf(account: AccountFields): { name: string; accountName: string; email: string; mobile?: string } {
  const mobile = account.serviceMobile ?? account.mobile;
  return {
    name: customerNameOf(account),
    accountName: account.tenantName,
    email: account.serviceEmail ?? account.email,
    ...(mobile ? { mobile } : {}),
  };
}

/** The same fields masked (R-PD-10: hidden by default). */
export function maskedContactOf(account: AccountFields): { customerName: string; accountName: string; email: string; mobile?: string } {
  const c = contactOf(account);
  return {
    customerName: maskName(c.name),
    accountName: maskName(c.accountName),
    email: maskEmail(c.email),
    ...(c.mobile ? { mobile: maskMobile(c.mobile) } : {}),
  };
}

/** The keyed hash a mobile number is indexed and searched by (never the number itself). */
export const mobileHashOf = (e164: string): string => keyedHash(MOBILE_HASH_PURPOSE, e164);

/**
 * The index extras of a customer, taken from its account at an association change: the mobile number's keyed
 * hash and the account name (the tenant name). Never the login ID: the partner is not shown it and may not search
 * by it (R-PD-10, security review 1 finding 1).
 */
export function indexExtrasOf(account: AccountFields): IndexExtras {
  const mobile = account.serviceMobile ?? account.mobile;
  return { ...(mobile ? { mobileHash: mobileHashOf(mobile) } : {}), accountNames: [account.tenantName] };
}
