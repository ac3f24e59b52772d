/**
 * The verification area's storage (issue 10): the only file of lib/verification that touches the SDK.
 * Send-limit records (RATE#<scope>#<hmac>, SENDS) hold one scope's recent sends under a version (tag `limit`).
 * The challenges themselves are lib/core/codes/store.ts's.
 */
import { keyedHash } from '../core/crypto.js';
import type { Key } from '../core/store/keys.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE, getMany } from '../core/store/table.js';
import { type ConditionFailed, type TransactItem, tagged, transact } from '../core/store/writes.js';
import { type SendRecord, emptyRecord } from './send-limits.js';

/** The send-limit record of one scope (`dest`, `account`, `source`, `identifier`) and value. */
export const sendLimitKey = (scope: string, value: string): Key => keys.rateWindow(scope, keyedHash('rate', value), 'SENDS');

/** The records of these scopes, read consistently in one round trip (an absent one is empty, version 0). */
export async function readSendRecords(scopeKeys: Key[]): Promise<SendRecord[]> {
  const items = await getMany(scopeKeys);
  return scopeKeys.map((key) => {
    const item = items.find((i) => i.pk === key.pk);
    return item ? { sends: item.sends ?? [], lastByPurpose: item.lastByPurpose ?? {}, version: item.version ?? 0 } : emptyRecord();
  });
}

/** Writes a scope's next record only if nobody wrote it since `readVersion` was read (tag `limit`). */
export function sendRecordPut(key: Key, next: SendRecord, readVersion: number, ttl: number): TransactItem {
  return tagged('limit', {
    Put: {
      TableName: TABLE(),
      Item: { ...key, ...next, ttl },
      ConditionExpression: 'attribute_not_exists(pk) OR version = :v',
      ExpressionAttributeValues: { ':v': readVersion },
    },
  });
}

/** Commits transaction items; a failed condition is thrown as ConditionFailed, or as `onFailed(failure)`. */
export const commit = (items: TransactItem[], onFailed?: (failure: ConditionFailed) => Error) => transact(items, onFailed);
