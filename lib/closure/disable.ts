/**
 * Disabling cloud services (R-CL-08, R-CL-11, R-CL-13): one bounded transaction replaces the account
 * with its HUAWEI ID (email, mobile, login ID, password hash, lockout state: the identity stays bound
 * to them) plus a minimal retained record (dates, reason, billing reference for invoices and
 * transactions); it releases the cloud claims (tenant name, service mobile and email), removes the
 * closure timers, revokes every session (the epoch moves on and the status is final) and arms a purge.
 * The purge then deletes every other item of the account (recipients, history, standing, checks,
 * materials and their files) in batches; it runs at once and, should it fail, again from the scheduler
 * until it is done. The notice goes out through the outbox, to the account's recipients too (R-PR-03),
 * addressed before they are deleted. Deleting the HUAWEI ID itself is a separate step (R-CL-14,
 * lib/huawei-id/deleteHuaweiId.ts).
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountItem } from '../accounts/account.js';
import { claimValue } from '../accounts/rules.js';
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import type { RequestInfo } from '../core/http/route.js';
import { publishNow } from '../core/notify/outbox.js';
import { logger } from '../core/logger.js';
import { materialStorage } from '../materials/storage.js';
import { type DueItem, claim } from '../core/store/due-queue.js';
import { type ClaimKind, dueAttributes, keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { type TransactItem, remove, transact } from '../core/store/writes.js';
import { closureNotices } from './notices.js';

export const HUAWEI_ID_NOTE =
  'Disabling cloud services deletes your cloud account data; your HUAWEI ID is not deleted: it keeps its email, mobile number, login ID and password. Deleting the HUAWEI ID is a separate step (POST /v1/huawei-id/deletions).';

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

/** R-CL-13: the HUAWEI ID fields the retained record keeps (everything else is cloud data, R-CL-11). */
const IDENTITY_FIELDS = ['email', 'mobile', 'loginId', 'loginIdChanged', 'passwordHash', 'failedAttempts', 'lastFailedAt', 'lockedAt'] as const;

/** The HUAWEI ID part of an account item. */
export function identityOf(account: AccountItem): Record<string, unknown> {
  return Object.fromEntries(IDENTITY_FIELDS.filter((f) => account[f] !== undefined).map((f) => [f, account[f]]));
}

const PURGE = 'purge';

/** Deletes whatever the account still holds besides its retained record (idempotent, batched). */
export async function purgeAccountItems(item: DueItem): Promise<void> {
  const accountId = item.accountId as string;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.account(accountId).pk },
        ProjectionExpression: 'pk, sk, objectKey, finalKey',
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    const doomed = (out.Items ?? []).filter((i) => i.sk !== 'PROFILE' && i.sk !== keys.timer(accountId, PURGE).sk);
    for (const file of doomed.flatMap((i) => [i.objectKey, i.finalKey]).filter(Boolean)) await materialStorage().remove(file);
    for (let i = 0; i < doomed.length; i += 25) {
      let pending = doomed.slice(i, i + 25).map((d) => ({ DeleteRequest: { Key: { pk: d.pk, sk: d.sk } } }));
      while (pending.length) {
        const res = await db().send(new BatchWriteCommand({ RequestItems: { [TABLE()]: pending } }));
        pending = (res.UnprocessedItems?.[TABLE()] ?? []) as typeof pending;
      }
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  await remove({ TableName: TABLE(), Key: keys.timer(accountId, PURGE) });
}

/** The purge timer of an account: written with the change, then claimed and run at once (the scheduler retries it). */
export function purgeTimer(accountId: string, atIso: string): DueItem {
  const key = keys.timer(accountId, PURGE);
  return { ...key, ...dueAttributes(accountId, atIso, key.sk), dueKind: PURGE, accountId };
}

/** Runs a purge just armed, unless an overlapping scheduler run took it; a failure is left to the scheduler. */
export async function purgeNow(purge: DueItem): Promise<void> {
  if (await claim(purge, purge.accountId as string)) {
    await purgeAccountItems(purge).catch((error: Error) => logger.warn('purge deferred to the scheduler', { error: error.name }));
  }
}

export interface DisableOptions {
  by: 'customer' | 'scheduler';
  request: Pick<RequestInfo, 'requestId' | 'sourceIp'>;
  /** Items that must commit with it (the customer's disable-services code). */
  with?: TransactItem[];
}

export async function disableAccount(account: AccountItem, options: DisableOptions): Promise<{ disabledAt: string }> {
  const disabledAt = nowIso();
  const purge = purgeTimer(account.accountId, disabledAt);
  const closure = (account.closure ?? {}) as { closedAt?: string; reason?: string };
  const notices = await closureNotices(account, 'services-disabled', { disabledAt });
  const retained = {
    ...keys.account(account.accountId),
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
    disabledBy: options.by,
    closureReason: closure.reason,
    // Invoices and transactions stay in the billing system under this reference (tax and e-commerce law).
    billingRecordsRef: `billing:account/${account.accountId}`,
  };
  const items: TransactItem[] = [
    ...(options.with ?? []),
    {
      Put: {
        TableName: TABLE(),
        Item: retained,
        ConditionExpression: 'version = :v AND #status = :closed AND attribute_not_exists(closureHold)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':v': account.version, ':closed': 'closed' },
      },
    },
    ...claimsOf(account)
      .filter(([kind]) => !IDENTITY_CLAIMS.has(kind))
      .map(([kind, value]) => ({ Delete: { TableName: TABLE(), Key: keys.claim(kind, value) } })),
    { Delete: { TableName: TABLE(), Key: keys.timer(account.accountId, 'closure-24h') } },
    { Delete: { TableName: TABLE(), Key: keys.timer(account.accountId, 'closure-90d') } },
    { Put: { TableName: TABLE(), Item: purge } },
    ...notices.map((n) => n.write),
    auditWrite({ accountId: account.accountId, traceName: 'disableServices', request: options.request, result: 'success', actor: options.by === 'scheduler' ? 'scheduler' : account.accountId }),
  ];
  await transact(items);
  await publishNow(notices.map((n) => n.pending));
  await purgeNow(purge);
  return { disabledAt };
}
