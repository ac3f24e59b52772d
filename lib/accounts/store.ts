/**
 * The accounts area's store: the only file of the area that talks to DynamoDB. Reads of the account
 * item and its uniqueness claims, and the transaction items a use case commits (account updates
 * conditioned on what the decision read, claims, the new account, lockout counters).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NotFound } from '../core/errors.js';
import type { ClaimKind } from '../core/store/keys.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db, getMany } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, tagged, update } from '../core/store/writes.js';
import type { AccountStatus } from '../core/account-status.js';
import type { AccountItem } from './account.js';

export async function findAccount(accountId: string): Promise<AccountItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(accountId), ConsistentRead: true }));
  return Item as AccountItem | undefined;
}

/** The caller's own account; a missing one is a revoked session (another account's item is never read). */
export async function loadAccount(accountId: string): Promise<AccountItem> {
  const account = await findAccount(accountId);
  if (!account) throw new NotFound();
  return account;
}

/** The account of a session; a missing one is a revoked session. */
export const requireAccount = loadAccount;

/** The account that holds a unique value, if any. */
export async function accountIdByClaim(kind: ClaimKind, value: string): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.claim(kind, value), ConsistentRead: true }));
  return Item?.accountId as string | undefined;
}

/** One round trip for several possible claims (login ID or tenant name); the first kind found wins. */
export async function accountIdByAnyClaim(candidates: Array<[ClaimKind, string]>): Promise<string | undefined> {
  const found = await getMany(candidates.map(([k, v]) => keys.claim(k, v)));
  for (const [kind, value] of candidates) {
    const hit = found.find((i) => i.pk === keys.claim(kind, value).pk);
    if (hit) return hit.accountId as string;
  }
  return undefined;
}

/** The claim item for a unique value, written with attribute_not_exists in the same transaction as the change (tag `claim`). */
export function claimPut(kind: ClaimKind, value: string, accountId: string) {
  return tagged('claim', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.claim(kind, value), kind, accountId },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/** Releases a claim the account holds (tag `release`). */
export function claimDelete(kind: ClaimKind, value: string, accountId: string) {
  return tagged('release', {
    Delete: {
      TableName: TABLE(),
      Key: keys.claim(kind, value),
      ConditionExpression: 'accountId = :a',
      ExpressionAttributeValues: { ':a': accountId },
    },
  });
}

/** Moves a claim from the old value to the new one (nothing when they are equal). */
export function moveClaim(kind: ClaimKind, oldValue: string, newValue: string, accountId: string): TransactItem[] {
  return oldValue === newValue ? [] : [claimPut(kind, newValue, accountId), claimDelete(kind, oldValue, accountId)];
}

/** The new account item; fails if the account ID exists (tag `account`). */
export function accountCreate(account: AccountItem) {
  return tagged('account', { Put: { TableName: TABLE(), Item: account, ConditionExpression: 'attribute_not_exists(pk)' } });
}

export interface AccountUpdateOptions {
  remove?: string[];
  /** The account must be in one of these states (R-CL-10: closed accounts are refused). */
  expectStatus?: AccountStatus[];
  /**
   * Issue 10: the attributes the decision read. The write holds only if each still has the value read
   * (absent when it was absent), so unrelated concurrent changes do not conflict. Without it, the
   * decision is taken to have read the whole item and the write is conditioned on its version.
   */
  read?: ReadonlyArray<keyof AccountItem & string>;
  condition?: string;
  values?: Record<string, unknown>;
}

/**
 * A conditional update of the account item (tag `account`): applies `set` (and `remove`) only if what
 * the decision read still holds (see `read`), and bumps the version (the change counter decisions on the
 * whole item are conditioned on). Put it in the transaction of the change.
 */
export function accountUpdate(
  account: AccountItem | Pick<AccountItem, 'accountId' | 'version'>,
  set: Record<string, unknown>,
  options: AccountUpdateOptions = {},
) {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1, ':zero': 0, ...options.values };
  const conditions: string[] = [];
  if (options.read) {
    options.read.forEach((field, i) => {
      names[`#c${i}`] = field;
      const value = (account as AccountItem)[field];
      if (value === undefined) conditions.push(`attribute_not_exists(#c${i})`);
      else {
        values[`:c${i}`] = value;
        conditions.push(`#c${i} = :c${i}`);
      }
    });
    if (!conditions.length) conditions.push('attribute_exists(pk)');
  } else {
    values[':version'] = account.version;
    conditions.push('#version = :version');
  }
  if (options.expectStatus?.length) {
    names['#status'] = 'status';
    const placeholders = options.expectStatus.map((st, i) => {
      values[`:st${i}`] = st;
      return `:st${i}`;
    });
    conditions.push(`#status IN (${placeholders.join(', ')})`);
  }
  if (options.condition) conditions.push(`(${options.condition})`);
  const sets = ['#version = if_not_exists(#version, :zero) + :one'];
  Object.entries(set).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  const removes = (options.remove ?? []).map((field, i) => {
    names[`#r${i}`] = field;
    return `#r${i}`;
  });
  return tagged('account', {
    Update: {
      TableName: TABLE(),
      Key: keys.account(account.accountId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  });
}

/** Moves the session that made a change to the account's new session epoch (tag `session`). */
export function sessionEpochUpdate(sessionKey: string, epoch: number) {
  return tagged('session', {
    Update: {
      TableName: TABLE(),
      Key: keys.session(sessionKey),
      UpdateExpression: 'SET epoch = :epoch',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':epoch': epoch },
    },
  });
}

/** R-SEC-01: counts one failed attempt; the count after it (0 when no account has this ID). */
export async function addFailedAttempt(accountId: string, atIso: string): Promise<number> {
  const res = await update({
    TableName: TABLE(),
    Key: keys.account(accountId),
    UpdateExpression: 'ADD failedAttempts :one SET lastFailedAt = :at',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':one': 1, ':at': atIso },
    ReturnValues: 'UPDATED_NEW',
  }).catch((error: unknown) => {
    if (error instanceof ConditionFailed) return undefined;
    throw error;
  });
  return Number(res?.Attributes?.failedAttempts ?? 0);
}

/** R-SEC-01: marks the account locked for sign-in. */
export async function markLocked(accountId: string, atIso: string): Promise<void> {
  await update({
    TableName: TABLE(),
    Key: keys.account(accountId),
    UpdateExpression: 'SET lockedAt = :at',
    ExpressionAttributeValues: { ':at': atIso },
  });
}

/**
 * Holds only while the account's status is one of `statuses` (tag `account` unless given): another area's change
 * that needs the account in use (an association, a membership) carries it in its transaction.
 */
export function accountStatusIs(accountId: string, statuses: readonly AccountStatus[], tag = 'account'): TransactItem {
  const values = Object.fromEntries(statuses.map((status, i) => [`:s${i}`, status]));
  return tagged(tag, {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.account(accountId),
      ConditionExpression: `#status IN (${Object.keys(values).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    },
  });
}
