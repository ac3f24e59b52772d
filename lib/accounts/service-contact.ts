/**
 * Binding or changing the service mobile number or email (R-SU-06, R-AI-08, R-AI-09, R-AI-13):
 * a `verify-identity` code to a contact the account already has, then a `new-mobile`/`new-email` code
 * to the new one (two purposes, R-VC-05). Both codes are consumed in the transaction that moves the
 * uniqueness claim and changes the account; the old contact is told afterwards.
 */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { Conflict, InvalidCode } from '../core/errors.js';
import { maskEmail, maskMobile } from '../core/contact/mask.js';
import type { ClaimKind } from '../core/store/keys.js';
import { type TransactItem, tagged, transact } from '../core/store/writes.js';
import { sendAccountNotice } from '../recipients/notices.js';
import './notice-templates.js';
import { checkCode } from './codes.js';
import { EDITABLE } from '../core/account-status.js';
import { type AccountItem, staleAccount } from './account.js';
import { accountUpdate, claimDelete, claimPut, loadAccount } from './store.js';

interface Verification {
  challengeId: string;
  code: string;
}

const KINDS = {
  mobile: {
    field: 'serviceMobile',
    claim: 'SVCMOBILE',
    purpose: 'new-mobile',
    trace: 'changePhone',
    taken: 'MOBILE_TAKEN',
    mask: maskMobile,
  },
  email: { field: 'serviceEmail', claim: 'SVCEMAIL', purpose: 'new-email', trace: 'changeEmail', taken: 'EMAIL_TAKEN', mask: maskEmail },
} as const;

export async function changeServiceContact(
  kind: keyof typeof KINDS,
  caller: AccountCaller,
  input: { identity: Verification; next: Verification },
) {
  const k = KINDS[kind];
  const account = await loadAccount(caller.accountId);
  const identity = await checkCode({ ...input.identity, purpose: 'verify-identity', accountId: account.accountId, sessionScoped: true });
  const next = await checkCode({ ...input.next, purpose: k.purpose, accountId: account.accountId, sessionScoped: true });
  const value = next.challenge.destination!;
  const old = account[k.field] as string | undefined;
  const items: TransactItem[] = [
    tagged('code', identity.consume),
    tagged('code', next.consume),
    // Issue 10: conditioned on the contact it replaces (and the status), not on the whole account.
    accountUpdate(account, { [k.field]: value }, { expectStatus: EDITABLE, read: [k.field] }),
    auditWrite({
      accountId: account.accountId,
      traceName: k.trace,
      request: caller.origin,
      result: 'success',
      changes: [{ field: k.field, old, new: value }],
    }),
  ];
  if (old !== value) {
    items.push(claimPut(k.claim as ClaimKind, value, account.accountId));
    if (old) items.push(claimDelete(k.claim as ClaimKind, old, account.accountId));
  }
  await transact(items, (failure) => {
    if (failure.failed('code')) return new InvalidCode();
    if (failure.failed('claim'))
      return new Conflict(k.taken, `This ${kind === 'mobile' ? 'mobile number' : 'email address'} belongs to another account.`);
    return staleAccount();
  });
  await noticeOldContact(account, kind, old);
  return { [k.field]: k.mask(value) } as Record<typeof k.field, string>;
}

/** R-AI-13: the contact that was replaced (or, for a first binding, the account email) hears of it. */
async function noticeOldContact(account: AccountItem, kind: keyof typeof KINDS, old: string | undefined): Promise<void> {
  const language = account.preferences.messageLanguage;
  const timeZone = account.preferences.timeZone;
  const field =
    kind === 'mobile' ? (language === 'zh' ? '服务手机号' : 'service mobile number') : language === 'zh' ? '服务邮箱' : 'service email';
  const target =
    kind === 'mobile' && old
      ? { channel: 'sms' as const, to: old, language, timeZone }
      : { channel: 'email' as const, to: kind === 'email' && old ? old : account.email, language, timeZone };
  await sendAccountNotice(account, target, 'contact-changed', { field, time: nowIso() });
}

const FIELD_TEXT: Record<string, { en: string; zh: string }> = {
  loginId: { en: 'login ID', zh: '登录帐号' },
  mobile: { en: 'mobile number', zh: '手机号' },
};

/** R-AI-13 for the HUAWEI ID's own fields (login ID, security phone): the old mobile if any, else the email. */
export async function noticeContactChanged(account: AccountItem, field: keyof typeof FIELD_TEXT, oldMobile?: string): Promise<void> {
  const language = account.preferences.messageLanguage;
  const timeZone = account.preferences.timeZone;
  const target = oldMobile
    ? { channel: 'sms' as const, to: oldMobile, language, timeZone }
    : { channel: 'email' as const, to: account.email, language, timeZone };
  await sendAccountNotice(account, target, 'contact-changed', {
    field: FIELD_TEXT[field]![language === 'zh' ? 'zh' : 'en'],
    time: nowIso(),
  });
}
