/**
 * Minting a session (R-LI-03, R-LI-05): an opaque random token handed to the client once; only its keyed hash is
 * stored. Sign-in (lib/sessions) and sign-up (lib/accounts) both open one in the transaction they complete, so the
 * minting is core's; reading, refreshing and revoking sessions stay lib/sessions'.
 */
import { addSeconds, epochSeconds, now } from './clock.js';
import { config } from './config.js';
import { keyedHash, randomToken } from './crypto.js';
import * as keys from './store/key-builders.js';
import { TABLE } from './store/table.js';
import { type TransactItem, tagged } from './store/writes.js';

export interface SessionItem {
  accountId: string;
  epoch: number;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export function sessionKeyOf(token: string): string {
  return keyedHash('session', token);
}

/** The put of a new session (tag `session`); never overwrites one. */
export function sessionPut(sessionKey: string, item: SessionItem): TransactItem {
  return tagged('session', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.session(sessionKey), ...item, ttl: epochSeconds(new Date(item.absoluteExpiresAt)) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

export interface NewSession {
  token: string;
  expiresAt: string;
  write: TransactItem;
}

/** A new session of the account in its session epoch: the token, and the write to commit with the sign-in. */
export function newSession(accountId: string, epoch: number): NewSession {
  const at = now();
  const token = randomToken();
  const absoluteExpiresAt = addSeconds(at, config.sessions.absoluteSeconds).toISOString();
  const idleExpiresAt = addSeconds(at, config.sessions.idleSeconds).toISOString();
  return {
    token,
    expiresAt: idleExpiresAt,
    write: sessionPut(sessionKeyOf(token), {
      accountId,
      epoch,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      idleExpiresAt,
      absoluteExpiresAt,
    }),
  };
}
