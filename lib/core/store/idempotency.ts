/**
 * The idempotency records behind the `Idempotency-Key` middleware (R-SEC-04; lib/core/http/middlewares/idempotency.ts
 * decides, this file reads and writes). Every write after the claim is conditional on the claiming attempt's
 * random `owner`, so an attempt that outlived its lease never touches the record of the one that took over.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { epochSeconds, nowMs } from '../clock.js';
import { config } from '../config.js';
import type { Key } from './keys.js';
import { TABLE, db } from './table.js';
import { ConditionFailed, put, remove, update } from './writes.js';

export interface IdempotencyRecord {
  bodyHash: string;
  state: 'running' | 'done';
  /** The sealed answer, once done. */
  response?: string;
}

/** The record is still the one this attempt claimed. */
const OWNED = 'attribute_exists(pk) AND #owner = :me';

/**
 * Takes the key when it is free: never used, expired (the TTL only cleans up, so the expiry is checked here:
 * issue 9 item 12c), or held by a `running` attempt with the same body whose lease has ended.
 */
export async function claimIdempotencyKey(key: Key, bodyHash: string, leaseMs: number, owner: string): Promise<boolean> {
  const nowMillis = nowMs();
  try {
    await put({
      TableName: TABLE(),
      Item: {
        ...key,
        bodyHash,
        owner,
        state: 'running',
        leaseUntil: nowMillis + leaseMs,
        ttl: epochSeconds() + config.idempotency.ttlSeconds,
      },
      ConditionExpression:
        'attribute_not_exists(pk) OR #ttl <= :nowS OR (#state = :running AND leaseUntil <= :nowMs AND bodyHash = :bodyHash)',
      ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':nowS': epochSeconds(), ':nowMs': nowMillis, ':running': 'running', ':bodyHash': bodyHash },
    });
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}

export async function loadIdempotencyRecord(key: Key): Promise<IdempotencyRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }));
  return Item as IdempotencyRecord | undefined;
}

/** Keeps the sealed answer, only while `owner` still holds the key; false when another attempt took it over. */
export async function keepIdempotentAnswer(key: Key, owner: string, sealedResponse: string): Promise<boolean> {
  try {
    await update({
      TableName: TABLE(),
      Key: key,
      UpdateExpression: 'SET #state = :done, #response = :response REMOVE leaseUntil',
      ConditionExpression: OWNED,
      ExpressionAttributeNames: { '#state': 'state', '#response': 'response', '#owner': 'owner' },
      ExpressionAttributeValues: { ':done': 'done', ':response': sealedResponse, ':me': owner },
    });
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}

/** Deletes the record of a failed first attempt, only if `owner` still holds it (never throws). */
export async function releaseIdempotencyKey(key: Key, owner: string): Promise<void> {
  await remove({
    TableName: TABLE(),
    Key: key,
    ConditionExpression: OWNED,
    ExpressionAttributeNames: { '#owner': 'owner' },
    ExpressionAttributeValues: { ':me': owner },
  }).catch(() => undefined);
}
