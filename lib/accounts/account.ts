/** The account item and its reads. Writes live with the use cases that make them (conditional on version). */
import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, NotFound } from '../core/errors.js';
import type { Channel } from '../core/notify/notifier.js';
import { type ClaimKind, keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';

export type AccountStatus = 'registered' | 'active' | 'closed' | 'disabled';

export interface Preferences {
  messageLanguage: string;
  timeZone: string;
  currency?: string;
}

export interface AccountItem {
  pk: string;
  sk: string;
  accountId: string;
  status: AccountStatus;
  version: number;
  email: string;
  /** HUAWEI ID mobile (the security phone, R-SU-04): a login identifier. */
  mobile?: string;
  /** Service mobile/email (R-SU-06, R-AI-08/09): notices and identity verification, not login. */
  serviceMobile?: string;
  serviceEmail?: string;
  loginId: string;
  loginIdChanged?: boolean;
  tenantName: string;
  countryRegion: string;
  accountType: 'unset' | 'individual' | 'enterprise';
  authStatus: 'unauthenticated' | 'pending' | 'authenticated';
  fullName?: string;
  enterpriseName?: string;
  passwordHash: string;
  /** Sessions carry the epoch they were issued in; bumping it revokes them all (R-LI-05). */
  sessionEpoch: number;
  /** R-SEC-01: consecutive failed password or code attempts. */
  failedAttempts: number;
  lockedAt?: string;
  preferences: Preferences;
  paymentMethod: { status: 'none' | 'bound' | 'failed'; reason?: string };
  createdAt: string;
  enabledAt?: string;
  agreementsAcceptedAt?: string;
  [extra: string]: unknown;
}

export async function getAccount(accountId: string): Promise<AccountItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(accountId), ConsistentRead: true }));
  return Item as AccountItem | undefined;
}

/** The account that holds a unique value, if any. */
export async function accountIdByClaim(kind: ClaimKind, value: string): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.claim(kind, value), ConsistentRead: true }));
  return Item?.accountId as string | undefined;
}

/** One round trip for several possible claims (login ID or tenant name); the first kind found wins. */
export async function accountIdByAnyClaim(candidates: Array<[ClaimKind, string]>): Promise<string | undefined> {
  const out = await db().send(
    new BatchGetCommand({
      RequestItems: { [TABLE()]: { Keys: candidates.map(([k, v]) => keys.claim(k, v)), ConsistentRead: true } },
    }),
  );
  const found = out.Responses?.[TABLE()] ?? [];
  for (const [kind, value] of candidates) {
    const hit = found.find((i) => i.pk === keys.claim(kind, value).pk);
    if (hit) return hit.accountId as string;
  }
  return undefined;
}

/** Where a code for the account goes on a channel: the service contact first, then the HUAWEI ID one. */
export function contactFor(account: AccountItem, channel: Channel): string | undefined {
  return channel === 'email' ? (account.serviceEmail ?? account.email) : (account.serviceMobile ?? account.mobile);
}

export function channelsOf(account: AccountItem): Channel[] {
  return (['sms', 'email'] as const).filter((c) => contactFor(account, c) !== undefined);
}

/** The claim item for a unique value, written with attribute_not_exists in the same transaction as the change. */
export function claimPut(kind: ClaimKind, value: string, accountId: string) {
  return {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.claim(kind, value), kind, accountId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export function claimDelete(kind: ClaimKind, value: string, accountId: string) {
  return {
    Delete: {
      TableName: TABLE(),
      Key: keys.claim(kind, value),
      ConditionExpression: 'accountId = :a',
      ExpressionAttributeValues: { ':a': accountId },
    },
  };
}

/**
 * A conditional update of the account item: applies `set` (and `remove`) only if the version is still
 * the one read, and bumps it. Put it in the transaction of the change.
 */
export function accountUpdate(
  account: Pick<AccountItem, 'accountId' | 'version'>,
  set: Record<string, unknown>,
  options: { remove?: string[]; expectStatus?: AccountStatus[]; condition?: string; values?: Record<string, unknown> } = {},
) {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':version': account.version, ':nextVersion': account.version + 1, ...options.values };
  const conditions = ['#version = :version'];
  if (options.expectStatus?.length) {
    names['#status'] = 'status';
    conditions.push(`#status IN (${options.expectStatus.map((st, i) => ((values[`:st${i}`] = st), `:st${i}`)).join(', ')})`);
  }
  if (options.condition) conditions.push(`(${options.condition})`);
  const sets = ['#version = :nextVersion'];
  Object.entries(set).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  const removes = (options.remove ?? []).map((field, i) => {
    names[`#r${i}`] = field;
    return `#r${i}`;
  });
  return {
    Update: {
      TableName: TABLE(),
      Key: keys.account(account.accountId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The account of a session; a missing one is a revoked session. */
export async function requireAccount(accountId: string): Promise<AccountItem> {
  const account = await getAccount(accountId);
  if (!account) throw new NotFound();
  return account;
}

/** A version condition failed: someone changed the account between our read and write. */
export const staleAccount = () => new Conflict('STATE_CONFLICT', 'The account changed meanwhile; try again.');
