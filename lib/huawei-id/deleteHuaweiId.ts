/**
 * Deleting the HUAWEI ID (R-CL-14): a separate step from disabling cloud services (R-CL-13), allowed
 * only while its cloud services are disabled or were never enabled, confirmed without a session by
 * its password and a `delete-huawei-id` code sent to its email or mobile. It releases the email,
 * mobile and login ID (and, for a never-enabled account, everything else it held).
 *
 * R-SEC-03: an unknown identifier fails exactly like a wrong code (no code could have reached it);
 * the password and the account's state are judged only after the code proved control of the account.
 * - services disabled: the retained record (invoices and transactions, R-CL-11) stays, without the
 *   identity fields; - never enabled: the account item goes and a purge deletes what else it held.
 */
import { type AccountItem, staleAccount } from '../accounts/account.js';
import { accountUpdate, claimDelete } from '../accounts/store.js';
import { decoyAccountId, resolveIdentifierEvenly } from '../accounts/identifiers.js';
import { countFailure, isLocked } from '../accounts/lockout.js';
import { verifyAgainstDummy, verifyPassword } from '../accounts/password.js';
import { auditWrite } from '../core/audit/audit.js';
import { claimsOf } from '../accounts/lifecycle.js';
import { identityOf } from '../closure/disable.js';
import { purgeNow } from '../closure/purge.js';
import { purgeTimer } from '../closure/store.js';
import { now, nowIso } from '../core/clock.js';
import { InvalidCode, InvalidCredentials, RuleViolation } from '../core/errors.js';
import type { GuestCaller } from '../core/caller.js';
import { publishNow } from '../core/notify/outbox.js';
import { addTemplates } from '../core/notify/templates.js';
import { noticeEntries } from '../recipients/notices.js';
import { isThrottled } from '../sessions/rules.js';
import { type TransactItem, tagged } from '../core/store/writes.js';
import { checkCode } from '../accounts/codes.js';
import { commit, neverEnabledAccountDelete, purgeTimerPut } from './store.js';

addTemplates('huawei-id-deleted', {
  en: (v) => ({
    subject: 'Your HUAWEI ID was deleted',
    body: `Your HUAWEI ID was deleted at ${v.deletedAt}. Its email address, mobile number and login ID are released. If this was not you, contact customer service at once.`,
  }),
  zh: (v) => ({
    subject: '您的华为帐号已删除',
    body: `您的华为帐号已于 ${v.deletedAt} 删除，其邮箱、手机号和登录名已释放。如非本人操作，请立即联系客服。`,
  }),
});

export interface DeletionInput {
  identifier: string;
  password: string;
  verification: { challengeId: string; code: string };
}

const servicesInUse = (status: string) =>
  new RuleViolation(
    'SERVICES_NOT_DISABLED',
    'A HUAWEI ID can be deleted only while its cloud services are disabled or were never enabled.',
    [
      {
        condition: `services-${status}`,
        message:
          status === 'closed'
            ? 'Disable the closed cloud services first (possible 24 hours after closing).'
            : 'Close and then disable the cloud services first.',
      },
    ],
  );

/**
 * R-SEC-01, R-LI-04: the deletion password is guarded like a sign-in. Inside the account's back-off or while
 * its sign-in is locked it is not compared (same answer, same work); a wrong one counts toward the lock.
 */
async function checkPassword(account: AccountItem, password: string): Promise<void> {
  if (isThrottled(account.failedAttempts, account.lastFailedAt as string | undefined, now()) || isLocked(account)) {
    await verifyAgainstDummy(password);
    throw new InvalidCredentials();
  }
  if (!(await verifyPassword(password, account.passwordHash))) {
    await countFailure(account.accountId);
    throw new InvalidCredentials();
  }
}

export async function deleteHuaweiId(caller: GuestCaller, input: DeletionInput): Promise<void> {
  // R-SEC-03: an unknown identifier costs the same reads (a decoy account), spends an attempt and fails like a wrong code.
  const decoyId = decoyAccountId(input.identifier);
  const account = await resolveIdentifierEvenly(input.identifier, decoyId);
  const { consume } = await checkCode({ ...input.verification, purpose: 'delete-huawei-id', accountId: account?.accountId ?? decoyId });
  if (!account) throw new InvalidCode();
  await checkPassword(account, input.password);
  if (account.status !== 'disabled' && account.status !== 'registered') throw servicesInUse(account.status);

  const deletedAt = nowIso();
  const notices = await noticeEntries(
    account,
    { channel: 'email', to: account.email, language: account.preferences.messageLanguage, timeZone: account.preferences.timeZone },
    'huawei-id-deleted',
    { deletedAt },
  );
  const neverEnabled = account.status === 'registered';
  const purge = neverEnabled ? purgeTimer(account.accountId, deletedAt) : undefined;
  const accountWrite: TransactItem = neverEnabled
    ? neverEnabledAccountDelete(account)
    : // The retained record of the disabled services stays (invoices, transactions); the identity goes.
      tagged(
        'account',
        accountUpdate(
          account,
          { huaweiIdDeletedAt: deletedAt, sessionEpoch: account.sessionEpoch + 1 },
          { remove: [...Object.keys(identityOf(account)), 'preferences', 'countryRegion'], expectStatus: ['disabled'] },
        ),
      );
  await commit(
    [
      consume,
      accountWrite,
      ...claimsOf(account).map(([kind, value]) => claimDelete(kind, value, account.accountId)),
      ...(purge ? [purgeTimerPut(purge)] : []),
      ...notices.map((n) => n.write),
      auditWrite({ accountId: account.accountId, traceName: 'deleteHuaweiId', request: caller.origin, result: 'success' }),
    ],
    (failure) => (failure.failed('code') ? new InvalidCode() : staleAccount()),
  );
  await publishNow(notices.map((n) => n.pending));
  if (purge) await purgeNow(purge);
}
