/**
 * The closure area's table access (the only file of the area that touches the SDK): the latest check,
 * the standing with its version, the closure and purge timers, the retained record that replaces a
 * disabled account, and the purge's reads and batched deletes. Items that a failure must be told apart
 * by are tagged: 'check', 'standing', 'account'.
 */
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DueItem } from '../core/store/due-queue.js';
import { type Key, dueAttributes } from '../core/store/keys.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db } from '../core/store/table.js';
import { type TransactItem, remove, tagged } from '../core/store/writes.js';
import type { CheckResultGroup, Standing } from './rules.js';

export interface StoredCheck {
  checkId: string;
  passed: boolean;
  checkedAt: string;
  groups: CheckResultGroup[];
  reason: string;
  reasonText?: string;
  standingVersion?: number;
  usedAt?: string;
}

export interface StandingItem {
  standing: Standing;
  version: number;
  updatedAt?: string;
}

export type ClosureTimerKind = 'closure-24h' | 'closure-90d';
export const PURGE = 'purge';

// ---- closure checks (R-CL-04, R-CL-05)

export async function loadLatestCheck(accountId: string): Promise<StoredCheck | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.latestClosureCheck(accountId), ConsistentRead: true }));
  return Item as StoredCheck | undefined;
}

/** Keeps a check as the account's latest (replacing the one before). */
export function latestCheckPut(accountId: string, check: StoredCheck): TransactItem {
  return { Put: { TableName: TABLE(), Item: { ...keys.latestClosureCheck(accountId), ...check } } };
}

/** Marks the check used: holds only for this very check, used at most once ('check'). */
export function checkUse(accountId: string, checkId: string, usedAt: string): TransactItem {
  return tagged('check', {
    Update: {
      TableName: TABLE(),
      Key: keys.latestClosureCheck(accountId),
      UpdateExpression: 'SET usedAt = :at',
      ConditionExpression: 'checkId = :id AND attribute_not_exists(usedAt)',
      ExpressionAttributeValues: { ':at': usedAt, ':id': checkId },
    },
  });
}

// ---- standing (R-CL-05)

export async function loadStanding(accountId: string): Promise<StandingItem> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.standing(accountId), ConsistentRead: true }));
  return Item
    ? { standing: Item.standing as Standing, version: Item.version as number, updatedAt: Item.updatedAt }
    : { standing: {}, version: 0 };
}

const versionIs = (version: number) =>
  version === 0
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': version } };

/** Holds only if the standing is still the version that was judged ('standing'). */
export function standingUnchanged(accountId: string, version: number): TransactItem {
  return tagged('standing', { ConditionCheck: { TableName: TABLE(), Key: keys.standing(accountId), ...versionIs(version) } });
}

/** Stores a standing as the next version of the one read ('standing': refused when that read is stale). */
export function standingPut(accountId: string, standing: Standing, readVersion: number, updatedAt: string): TransactItem {
  return tagged('standing', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.standing(accountId), standing, version: readVersion + 1, updatedAt },
      ...versionIs(readVersion),
    },
  });
}

// ---- timers (R-CL-07, R-CL-09, R-CL-12)

export function closureTimerPut(accountId: string, kind: ClosureTimerKind, dueAt: string, closedAt: string): TransactItem {
  const key = keys.timer(accountId, kind);
  return { Put: { TableName: TABLE(), Item: { ...key, ...dueAttributes(accountId, dueAt, key.sk), dueKind: kind, accountId, closedAt } } };
}

export function timerDelete(accountId: string, kind: string): TransactItem {
  return { Delete: { TableName: TABLE(), Key: keys.timer(accountId, kind) } };
}

export function dueItemDelete(key: Key): TransactItem {
  return { Delete: { TableName: TABLE(), Key: { pk: key.pk, sk: key.sk } } };
}

export async function removeDueItem(key: Key): Promise<void> {
  await remove({ TableName: TABLE(), Key: { pk: key.pk, sk: key.sk } });
}

// ---- disabling (R-CL-08, R-CL-11, R-CL-13)

/** Replaces the account item with its retained record, if the account is still the closed, unheld version read ('account'). */
export function retainedRecordPut(record: Record<string, unknown> & { accountId: string }, readVersion: number): TransactItem {
  return tagged('account', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.account(record.accountId), ...record },
      ConditionExpression: 'version = :v AND #status = :closed AND attribute_not_exists(closureHold)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':v': readVersion, ':closed': 'closed' },
    },
  });
}

/** The purge timer of an account as a due item. */
export function purgeTimer(accountId: string, atIso: string): DueItem {
  const key = keys.timer(accountId, PURGE);
  return { ...key, ...dueAttributes(accountId, atIso, key.sk), dueKind: PURGE, accountId };
}

export function purgeTimerPut(timer: DueItem): TransactItem {
  return { Put: { TableName: TABLE(), Item: timer } };
}

/** One page of the account's items that the purge deletes: all but the retained record and the purge timer. */
export async function purgeablePage(
  accountId: string,
  attributes: string[],
  startKey?: Record<string, unknown>,
): Promise<{ items: Array<Key & Record<string, unknown>>; next?: Record<string, unknown> }> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.account(accountId).pk },
      // Keys and what the lifecycle hooks need, never whole items (personal data stays where it is until deleted).
      ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      ConsistentRead: true,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  const kept = new Set([keys.account(accountId).sk, keys.timer(accountId, PURGE).sk]);
  const items = ((out.Items ?? []) as Array<Key & Record<string, unknown>>).filter((i) => !kept.has(i.sk));
  return { items, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}) };
}

/** Deletes items in batches of 25, retrying what DynamoDB leaves unprocessed. */
export async function deleteAll(items: Key[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((d) => ({ DeleteRequest: { Key: { pk: d.pk, sk: d.sk } } }));
    while (pending.length) {
      const res = await db().send(new BatchWriteCommand({ RequestItems: { [TABLE()]: pending } }));
      pending = (res.UnprocessedItems?.[TABLE()] ?? []) as typeof pending;
    }
  }
}

export async function removePurgeTimer(accountId: string): Promise<void> {
  await remove({ TableName: TABLE(), Key: keys.timer(accountId, PURGE) });
}
