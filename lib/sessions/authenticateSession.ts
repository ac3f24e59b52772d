/**
 * Resolves a Bearer token to a live session (R-LI-05): the token is looked up only by its keyed
 * hash; idle and absolute expiry are checked against the one clock; a session is void once the
 * account's session epoch moved on (password change/reset, disabling) or the account is disabled.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { addSeconds, epochSeconds, now } from '../core/clock.js';
import { config } from '../core/config.js';
import { keyedHash } from '../core/crypto.js';
import { Unauthenticated } from '../core/errors.js';
import type { Session } from '../core/http/route.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { update } from '../core/store/writes.js';

const TOUCH_EVERY_MS = 5 * 60 * 1000;

export function sessionKeyOf(token: string): string {
  return keyedHash('session', token);
}

export async function authenticateSession(token: string): Promise<Session> {
  const sessionKey = sessionKeyOf(token);
  const at = now();
  const { Item: session } = await db().send(
    new GetCommand({ TableName: TABLE(), Key: keys.session(sessionKey), ConsistentRead: true }),
  );
  if (!session) throw new Unauthenticated();
  if (at.toISOString() >= session.idleExpiresAt || at.toISOString() >= session.absoluteExpiresAt) {
    throw new Unauthenticated('The session has expired.');
  }
  const { Item: account } = await db().send(
    new GetCommand({
      TableName: TABLE(),
      Key: keys.account(session.accountId),
      ProjectionExpression: 'accountId, #s, sessionEpoch',
      ExpressionAttributeNames: { '#s': 'status' },
      ConsistentRead: true,
    }),
  );
  if (!account || account.status === 'disabled' || (account.sessionEpoch ?? 0) !== (session.epoch ?? 0)) {
    throw new Unauthenticated('The session has been revoked.');
  }
  if (at.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    const idleExpiresAt = addSeconds(at, config.sessions.idleSeconds).toISOString();
    await update({
      TableName: TABLE(),
      Key: keys.session(sessionKey),
      UpdateExpression: 'SET lastSeenAt = :at, idleExpiresAt = :idle, #ttl = :ttl',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':at': at.toISOString(),
        ':idle': idleExpiresAt < session.absoluteExpiresAt ? idleExpiresAt : session.absoluteExpiresAt,
        ':ttl': epochSeconds(new Date(session.absoluteExpiresAt)),
      },
    }).catch(() => {
      throw new Unauthenticated('The session has been revoked.');
    });
  }
  return { accountId: account.accountId, sessionKey, status: account.status };
}
