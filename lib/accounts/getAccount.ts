/** GET /v1/account (R-AI-01): contact data masked unless the caller names it in `reveal`. */
import type { AccountCaller } from '../core/caller.js';
import { maskEmail, maskMobile } from '../core/contact/mask.js';
import { loadAccount } from './store.js';

export async function getAccount(caller: AccountCaller, input: { reveal?: string }) {
  const a = await loadAccount(caller.accountId);
  const shown = new Set((input.reveal ?? '').split(',').filter(Boolean));
  const email = (field: string, v: string | undefined) => (v === undefined ? undefined : shown.has(field) ? v : maskEmail(v));
  const mobile = (field: string, v: string | undefined) => (v === undefined ? undefined : shown.has(field) ? v : maskMobile(v));
  const optional = <T>(key: string, value: T | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    accountId: a.accountId,
    status: a.status,
    loginId: a.loginId,
    email: email('email', a.email)!,
    ...optional('mobile', mobile('mobile', a.mobile)),
    passwordSet: Boolean(a.passwordHash),
    tenantName: a.tenantName,
    countryRegion: a.countryRegion,
    accountType: a.accountType,
    ...optional('fullName', a.fullName),
    ...optional('enterpriseName', a.enterpriseName),
    authStatus: a.authStatus,
    // R-AI-01: service contacts only when they differ from the HUAWEI ID's.
    ...optional('serviceMobile', a.serviceMobile !== a.mobile ? mobile('serviceMobile', a.serviceMobile) : undefined),
    ...optional('serviceEmail', a.serviceEmail !== a.email ? email('serviceEmail', a.serviceEmail) : undefined),
    ...optional('taxInfo', a.taxInfo as { qualificationName: string; taxId: string } | undefined),
    ...optional('contact', a.contact as Record<string, string> | undefined),
    ...optional('industry', a.industry as { industry: string; secondaryIndustry?: string } | undefined),
    preferences: a.preferences as { messageLanguage: 'en' | 'zh'; timeZone: string; currency?: string },
    paymentMethod: a.paymentMethod,
    createdAt: a.createdAt,
    ...optional('enabledAt', a.enabledAt),
  };
}
