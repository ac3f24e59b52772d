/** R-SU-04: the security phone (HUAWEI ID mobile, a login identifier) set with an SMS code sent to it. */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { Conflict, InvalidCode, ValidationFailed } from '../core/errors.js';
import { maskMobile } from '../core/contact/mask.js';
import { type TransactItem, tagged, transact } from '../core/store/writes.js';
import { checkCode } from './codes.js';
import { EDITABLE } from '../core/account-status.js';
import { staleAccount } from './account.js';
import { isE164, normalizeMobile } from '../core/contact/phone.js';
import { claimValue } from './rules.js';
import { noticeContactChanged } from './service-contact.js';
import { accountUpdate, claimDelete, claimPut, loadAccount } from './store.js';

export async function setSecurityPhone(
  caller: AccountCaller,
  input: { mobile: string; verification: { challengeId: string; code: string } },
) {
  if (!isE164(input.mobile))
    throw new ValidationFailed([{ path: 'body.mobile', message: 'Use the international format, e.g. +4915112345678.' }]);
  const mobile = normalizeMobile(input.mobile);
  const account = await loadAccount(caller.accountId);
  const { consume } = await checkCode({
    ...input.verification,
    purpose: 'security-phone',
    accountId: account.accountId,
    destination: mobile,
    sessionScoped: true,
  });
  if (account.mobile === mobile) {
    await transact([consume], () => new InvalidCode());
    return { mobileMasked: maskMobile(mobile) };
  }
  const items: TransactItem[] = [
    tagged('code', consume),
    claimPut('MOBILE', claimValue.mobile(mobile), account.accountId),
    // Issue 10: conditioned on the mobile it replaces (whose claim it releases) and the status.
    accountUpdate(account, { mobile }, { expectStatus: EDITABLE, read: ['mobile'] }),
    auditWrite({
      accountId: account.accountId,
      traceName: 'setSecurityPhone',
      request: caller.origin,
      result: 'success',
      changes: [{ field: 'mobile', old: account.mobile, new: mobile }],
    }),
  ];
  if (account.mobile) items.push(claimDelete('MOBILE', claimValue.mobile(account.mobile), account.accountId));
  await transact(items, (failure) => {
    if (failure.failed('code')) return new InvalidCode();
    if (failure.failed('claim')) return new Conflict('MOBILE_TAKEN', 'This mobile number belongs to another account.');
    return staleAccount();
  });
  await noticeContactChanged(account, 'mobile', account.mobile); // R-AI-13
  return { mobileMasked: maskMobile(mobile) };
}
