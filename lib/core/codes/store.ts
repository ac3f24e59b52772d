/**
 * One-time codes' storage (issue 10): challenges (CHALLENGE#<id>) hold a code's keyed hash, its binding and
 * its attempts. Transaction items are tagged: `challenge` (a new or re-sent challenge), `code` (consuming one).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from '../store/key-builders.js';
import { TABLE, db } from '../store/table.js';
import { ConditionFailed, type TransactItem, tagged, transact, update } from '../store/writes.js';
import type { ChallengeItem } from './challenges.js';
import type { Purpose } from './purposes.js';

export interface CodeFields {
  purpose: Purpose;
  channel: string;
  destination: string;
  destinationKey: string;
  codeHash: string;
  attempts: number;
  expiresAt: string;
  ttl: number;
}

/** A new challenge (tag `challenge`); never overwrites one. */
export function challengePut(challengeId: string, fields: CodeFields, accountId: string | undefined, createdAt: string): TransactItem {
  return tagged('challenge', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.challenge(challengeId), challengeId, ...fields, ...(accountId ? { accountId } : {}), createdAt },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/**
 * A new code into an existing, unused challenge of this purpose and account (the login second step; tag
 * `challenge`): only while its login attempt lasts and it has sent fewer than `maxSends` codes.
 */
export function challengeResend(
  challengeId: string,
  fields: CodeFields,
  accountId: string | undefined,
  maxSends: number,
  at: string,
): TransactItem {
  return tagged('challenge', {
    Update: {
      TableName: TABLE(),
      Key: keys.challenge(challengeId),
      UpdateExpression:
        'SET channel = :channel, destination = :destination, destinationKey = :destinationKey, codeHash = :codeHash, attempts = :attempts, expiresAt = :expiresAt, codeSends = if_not_exists(codeSends, :attempts) + :one',
      ConditionExpression:
        'attribute_exists(pk) AND purpose = :purpose AND attribute_not_exists(usedAt) AND accountId = :accountId AND (attribute_not_exists(loginExpiresAt) OR loginExpiresAt > :now) AND (attribute_not_exists(codeSends) OR codeSends < :maxSends)',
      ExpressionAttributeValues: {
        ':one': 1,
        ':maxSends': maxSends,
        ':channel': fields.channel,
        ':destination': fields.destination,
        ':destinationKey': fields.destinationKey,
        ':codeHash': fields.codeHash,
        ':attempts': 0,
        ':expiresAt': fields.expiresAt,
        ':purpose': fields.purpose,
        ':accountId': accountId,
        ':now': at,
      },
    },
  });
}

/**
 * R-VC-03: counts one attempt on a live challenge of this purpose (and, when `accountId` is given, of this
 * account) before any compare; answers the challenge after the count, or undefined when no such live
 * challenge may be tried (unknown, used, expired, out of attempts, another purpose or account).
 */
export async function countAttempt(
  challengeId: string,
  on: { purpose: Purpose; maxAttempts: number; at: string; accountId?: string },
): Promise<ChallengeItem | undefined> {
  const owned = on.accountId !== undefined;
  const res = await update({
    TableName: TABLE(),
    Key: keys.challenge(challengeId),
    UpdateExpression: 'SET attempts = attempts + :one',
    ConditionExpression: `attribute_exists(codeHash) AND purpose = :purpose AND attribute_not_exists(usedAt) AND attempts < :max AND expiresAt > :now${owned ? ' AND accountId = :account' : ''}`,
    ExpressionAttributeValues: {
      ':one': 1,
      ':purpose': on.purpose,
      ':max': on.maxAttempts,
      ':now': on.at,
      ...(owned ? { ':account': on.accountId } : {}),
    },
    ReturnValues: 'ALL_NEW',
  }).catch((error: unknown) => {
    if (error instanceof ConditionFailed) return undefined;
    throw error;
  });
  return res?.Attributes as ChallengeItem | undefined;
}

export async function loadChallenge(challengeId: string): Promise<ChallengeItem | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.challenge(challengeId), ConsistentRead: true }));
  return Item as ChallengeItem | undefined;
}

/** Marks a challenge used, at most once (tag `code`): put it in the transaction of the change the code authorizes. */
export function consumeWrite(challengeId: string, at: string): TransactItem {
  return tagged('code', {
    Update: {
      TableName: TABLE(),
      Key: keys.challenge(challengeId),
      UpdateExpression: 'SET usedAt = :now',
      ConditionExpression: 'attribute_not_exists(usedAt)',
      ExpressionAttributeValues: { ':now': at },
    },
  });
}

/** Commits transaction items; a failed condition is thrown as ConditionFailed, or as `onFailed(failure)`. */
export const commit = (items: TransactItem[], onFailed?: (failure: ConditionFailed) => Error) => transact(items, onFailed);
