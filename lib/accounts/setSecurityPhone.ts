/** R-SU-04: the security phone (HUAWEI ID mobile, a login identifier) set with an SMS code sent to it. */
import { auditWrite } from '../core/audit/audit.js';
import { Conflict, InvalidCode, ValidationFailed } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import { type TransactItem, transact } from '../core/store/writes.js';
import { checkCode } from '../verification/challenges.js';
import { accountUpdate, claimDelete, claimPut, requireAccount, staleAccount } from './account.js';
import { noticeContactChanged } from './service-contact.js';
import { maskMobile } from '../core/mask.js';
import { claimValue, isE164, normalizeMobile } from './rules.js';

export async function setSecurityPhone(
  session: Session,
  input: { mobile: string; verification: { challengeId: string; code: string } },
  request: RequestInfo,
) {
  if (!isE164(input.mobile)) throw new ValidationFailed([{ path: 'body.mobile', message: 'Use the international format, e.g. +4915112345678.' }]);
  const mobile = normalizeMobile(input.mobile);
  const account = await requireAccount(session.accountId);
  const { consume } = await checkCode({ ...input.verification, purpose: 'security-phone', accountId: account.accountId, destination: mobile, sessionScoped: true });
  if (account.mobile === mobile) {
    await transact([consume], () => new InvalidCode());
    return { mobileMasked: maskMobile(mobile) };
  }
  const items: TransactItem[] = [
    consume,
    claimPut('MOBILE', claimValue.mobile(mobile), account.accountId),
    accountUpdate(account, { mobile }, { expectStatus: ['registered', 'active'] }),
    auditWrite({ accountId: account.accountId, traceName: 'setSecurityPhone', request, result: 'success', changes: [{ field: 'mobile', old: account.mobile, new: mobile }] }),
  ];
  if (account.mobile) items.push(claimDelete('MOBILE', claimValue.mobile(account.mobile), account.accountId));
  await transact(items, (failure) => {
    const failed = failure.failedItems();
    if (failed.includes(0)) return new InvalidCode();
    if (failed.includes(1)) return new Conflict('MOBILE_TAKEN', 'This mobile number belongs to another account.');
    return staleAccount();
  });
  await noticeContactChanged(account, 'mobile', account.mobile); // R-AI-13
  return { mobileMasked: maskMobile(mobile) };
}
