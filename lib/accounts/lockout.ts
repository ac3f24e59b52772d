/**
 * R-SEC-01: consecutive failed password *and code* attempts per account (every purpose); the 100th
 * locks sign-in until a reset by code, and the owner is told by email. Counted by the login flow for
 * passwords and by checkCode for codes; a successful sign-in or reset sets the count back to 0.
 */
import { now } from '../core/clock.js';
import { config } from '../core/config.js';
import { keys } from '../core/store/keys.js';
import { TABLE } from '../core/store/table.js';
import { ConditionFailed, update } from '../core/store/writes.js';
import { sendAccountNotice } from '../recipients/notices.js';
import { type AccountItem, getAccount } from './account.js';

/** Locked for sign-in (R-SEC-01) until a password reset by code. */
export const isLocked = (account: AccountItem) => account.failedAttempts >= config.sessions.lockoutThreshold || Boolean(account.lockedAt);

/** Counts one failure of an account; an ID that names no account (a decoy) costs the same write and changes nothing. */
export async function countFailure(accountId: string): Promise<void> {
  const res = await update({
    TableName: TABLE(),
    Key: keys.account(accountId),
    UpdateExpression: 'ADD failedAttempts :one SET lastFailedAt = :at',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':one': 1, ':at': now().toISOString() },
    ReturnValues: 'UPDATED_NEW',
  }).catch((error: unknown) => {
    if (error instanceof ConditionFailed) return undefined;
    throw error;
  });
  const failures = Number(res?.Attributes?.failedAttempts ?? 0);
  if (failures !== config.sessions.lockoutThreshold) return;
  const lockedAt = now().toISOString();
  await update({
    TableName: TABLE(),
    Key: keys.account(accountId),
    UpdateExpression: 'SET lockedAt = :at',
    ExpressionAttributeValues: { ':at': lockedAt },
  });
  const account = await getAccount(accountId);
  if (account?.email) {
    // Through the outbox, and to the recipients subscribed to security notices (R-PR-03).
    await sendAccountNotice(
      account,
      { channel: 'email', to: account.serviceEmail ?? account.email, language: account.preferences.messageLanguage, timeZone: account.preferences.timeZone },
      'account-locked',
      { time: lockedAt },
    );
  }
}
