/**
 * Disabling cloud services (R-CL-08, R-CL-11, R-CL-13): one bounded transaction replaces the account
 * with its HUAWEI ID (email, mobile, login ID, password hash, lockout state: the identity stays bound
 * to them) plus a minimal retained record (dates, reason, billing reference for invoices and
 * transactions); every area's lifecycle hook adds what it releases (the accounts area its cloud claims,
 * closure its timers; lib/app/lifecycle.ts), every session is revoked (the epoch moves on and the
 * status is final) and a purge is armed. The purge then deletes every other item of the account
 * (lib/closure/purge.ts). The notice goes out through the outbox, to the account's recipients too
 * (R-PR-03), addressed before they are deleted. Deleting the HUAWEI ID itself is a separate step
 * (R-CL-14, lib/huawei-id/deleteHuaweiId.ts).
 */
import type { AccountItem } from '../accounts/account.js';
import { auditWrite } from '../core/audit/audit.js';
import { type AccountCaller, type SystemCaller, actorOf } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { releasesOnDisable } from '../core/lifecycle.js';
import { publishNow } from '../core/notify/outbox.js';
import { type TransactItem, transact } from '../core/store/writes.js';
import { closureNotices } from './notices.js';
import { purgeNow } from './purge.js';
import { purgeTimer, purgeTimerPut, retainedRecordPut } from './store.js';

export const HUAWEI_ID_NOTE =
  'Disabling cloud services deletes your cloud account data; your HUAWEI ID is not deleted: it keeps its email, mobile number, login ID and password. Deleting the HUAWEI ID is a separate step (POST /v1/huawei-id/deletions).';

/** R-CL-13: the HUAWEI ID fields the retained record keeps (everything else is cloud data, R-CL-11). */
const IDENTITY_FIELDS = [
  'email',
  'mobile',
  'loginId',
  'loginIdChanged',
  'passwordHash',
  'failedAttempts',
  'lastFailedAt',
  'lockedAt',
] as const;

/** The HUAWEI ID part of an account item. */
export function identityOf(account: AccountItem): Record<string, unknown> {
  return Object.fromEntries(IDENTITY_FIELDS.filter((f) => account[f] !== undefined).map((f) => [f, account[f]]));
}

export interface DisableOptions {
  /** Items that must commit with it (the customer's disable-services code). */
  with?: TransactItem[];
}

/** Disables by the customer (an account caller) or by the 90-day timer (the scheduler's system caller). */
export async function disableAccount(
  caller: AccountCaller | SystemCaller,
  account: AccountItem,
  options: DisableOptions = {},
): Promise<{ disabledAt: string }> {
  const disabledAt = nowIso();
  const by = caller.kind === 'system' ? 'scheduler' : 'customer';
  const purge = purgeTimer(account.accountId, disabledAt);
  const closure = (account.closure ?? {}) as { closedAt?: string; reason?: string };
  const notices = await closureNotices(account, 'services-disabled', { disabledAt });
  const retained = {
    accountId: account.accountId,
    ...identityOf(account),
    countryRegion: account.countryRegion,
    // The HUAWEI ID keeps its message language (codes and notices to it); the cloud preferences
    // (time zone, currency and its history) are deleted and back to their defaults.
    preferences: { messageLanguage: account.preferences.messageLanguage, timeZone: 'UTC' },
    status: 'disabled',
    version: account.version + 1,
    sessionEpoch: account.sessionEpoch + 1,
    createdAt: account.createdAt,
    ...(account.enabledAt ? { enabledAt: account.enabledAt } : {}),
    closedAt: closure.closedAt,
    disabledAt,
    disabledBy: by,
    closureReason: closure.reason,
    // Invoices and transactions stay in the billing system under this reference (tax and e-commerce law).
    billingRecordsRef: `billing:account/${account.accountId}`,
  };
  await transact([
    ...(options.with ?? []),
    retainedRecordPut(retained, account.version),
    ...releasesOnDisable(account as unknown as { accountId: string }),
    purgeTimerPut(purge),
    ...notices.map((n) => n.write),
    auditWrite({
      accountId: account.accountId,
      traceName: 'disableServices',
      request: caller.origin,
      result: 'success',
      actor: actorOf(caller),
    }),
  ]);
  await publishNow(notices.map((n) => n.pending));
  await purgeNow(purge);
  return { disabledAt };
}
