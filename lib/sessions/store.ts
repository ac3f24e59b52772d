/**
 * The sessions area's storage (issue 10): the only file of lib/sessions that touches the SDK. Sessions and
 * trusted devices are keyed by the keyed hash of their token (never the token); login attempts are
 * challenge items; failed sign-ins per source address are hourly counters. Use cases get intention-named
 * reads and writes, and transaction items tagged by what they are (`session`, `account`, `code`...).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountItem } from '../accounts/account.js';
import { epochSeconds } from '../core/clock.js';
import type { SessionItem } from '../core/sessions.js';
import { keyedHash } from '../core/crypto.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, put, tagged, transact, update } from '../core/store/writes.js';

export interface DeviceItem {
  accountId: string;
  epoch: number;
  createdAt: string;
  expiresAt: string;
}

/** What authentication needs of an account: its status and session epoch. */
export interface AccountAuthState {
  accountId: string;
  status: string;
  sessionEpoch?: number;
}

/** A login attempt (R-LI-02): a challenge of purpose `login` opened by a proven password. */
export interface LoginAttemptItem {
  challengeId: string;
  accountId: string;
  expiresAt: string;
  loginExpiresAt: string;
  epoch: number;
  createdAt: string;
}

async function get<T>(key: { pk: string; sk: string }, projection?: { expression: string; names: Record<string, string> }) {
  const { Item } = await db().send(
    new GetCommand({
      TableName: TABLE(),
      Key: key,
      ConsistentRead: true,
      ...(projection ? { ProjectionExpression: projection.expression, ExpressionAttributeNames: projection.names } : {}),
    }),
  );
  return Item as T | undefined;
}

export const loadSession = (sessionKey: string) => get<SessionItem>(keys.session(sessionKey));

export const loadAuthState = (accountId: string) =>
  get<AccountAuthState>(keys.account(accountId), { expression: 'accountId, #s, sessionEpoch', names: { '#s': 'status' } });

/** Slides a session's idle expiry; false when the session is gone meanwhile (revoked). */
export async function touchSession(sessionKey: string, at: string, idleExpiresAt: string, absoluteExpiresAt: string): Promise<boolean> {
  try {
    await update({
      TableName: TABLE(),
      Key: keys.session(sessionKey),
      UpdateExpression: 'SET lastSeenAt = :at, idleExpiresAt = :idle, #ttl = :ttl',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':at': at, ':idle': idleExpiresAt, ':ttl': epochSeconds(new Date(absoluteExpiresAt)) },
    });
    return true;
  } catch {
    return false;
  }
}

/** The delete of a session (tag `session`). */
export function sessionDelete(sessionKey: string): TransactItem {
  return tagged('session', { Delete: { TableName: TABLE(), Key: keys.session(sessionKey) } });
}

export function devicePut(deviceKey: string, item: DeviceItem): TransactItem {
  return tagged('device', {
    Put: { TableName: TABLE(), Item: { ...keys.device(deviceKey), ...item, ttl: epochSeconds(new Date(item.expiresAt)) } },
  });
}

export const loadDevice = (deviceKey: string) => get<DeviceItem>(keys.device(deviceKey));

/** R-SEC-01: a completed sign-in resets the failure count, only while the account may sign in with this epoch (tag `account`). */
export function signInAccountWrite(account: Pick<AccountItem, 'accountId' | 'sessionEpoch'>): TransactItem {
  return tagged('account', {
    Update: {
      TableName: TABLE(),
      Key: keys.account(account.accountId),
      UpdateExpression: 'SET failedAttempts = :zero',
      ConditionExpression: '#status <> :disabled AND sessionEpoch = :epoch',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':zero': 0, ':disabled': 'disabled', ':epoch': account.sessionEpoch },
    },
  });
}

/** Commits transaction items; any failed condition becomes `onFailed(failure)`. */
export const commit = (items: TransactItem[], onFailed?: (failure: ConditionFailed) => Error) => transact(items, onFailed);

export async function putLoginAttempt(item: LoginAttemptItem, ttl: number): Promise<void> {
  await put({
    TableName: TABLE(),
    Item: { ...keys.challenge(item.challengeId), ...item, purpose: 'login', attempts: 0, ttl },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

export const loadChallenge = <T>(challengeId: string) => get<T>(keys.challenge(challengeId));

const sourceKey = (sourceIp: string, hour: string) => keys.rateWindow('loginfail', keyedHash('rate', sourceIp), hour);

/** Failed sign-ins from a source address in the hour `hour` (ISO, to the hour). */
export async function sourceFailures(sourceIp: string, hour: string): Promise<number> {
  return Number((await get<{ count?: number }>(sourceKey(sourceIp, hour)))?.count ?? 0);
}

export async function countSourceFailure(sourceIp: string, hour: string, ttl: number): Promise<void> {
  await update({
    TableName: TABLE(),
    Key: sourceKey(sourceIp, hour),
    UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
    ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':one': 1, ':ttl': ttl },
  });
}

/**
 * R-SEC-03: the audit trace of a failed sign-in. For a decoy (no real account) the same put is made under a
 * condition that fails, so the work is equal and nothing is written.
 */
export async function putFailureTrace(trace: TransactItem, real: boolean): Promise<void> {
  const item = trace.Put!;
  if (real) return put(item);
  await put({ ...item, ConditionExpression: 'attribute_exists(pk)' }).catch((error: unknown) => {
    if (!(error instanceof ConditionFailed)) throw error;
  });
}
