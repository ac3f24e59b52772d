/**
 * R-SEC-01: consecutive failed password *and code* attempts per account (every purpose); the 100th
 * locks sign-in until a reset by code, and the owner is told by email. Counted by the login flow for
 * passwords and by checkCode for codes; a successful sign-in or reset sets the count back to 0.
 */
import { now } from '../core/clock.js';
import { config } from '../core/config.js';
import { sendAccountNotice } from '../recipients/notices.js';
import './notice-templates.js';
import type { AccountItem } from './account.js';
import { addFailedAttempt, findAccount, markLocked } from './store.js';

/** Locked for sign-in (R-SEC-01) until a password reset by code. */
export const isLocked = (account: AccountItem) => account.failedAttempts >= config.sessions.lockoutThreshold || Boolean(account.lockedAt);

/** Counts one failure of an account; an ID that names no account (a decoy) costs the same write and changes nothing. */
export async function countFailure(accountId: string): Promise<void> {
  const failures = await addFailedAttempt(accountId, now().toISOString());
  if (failures !== config.sessions.lockoutThreshold) return;
  const lockedAt = now().toISOString();
  await markLocked(accountId, lockedAt);
  const account = await findAccount(accountId);
  if (account?.email) {
    // Through the outbox, and to the recipients subscribed to security notices (R-PR-03).
    await sendAccountNotice(
      account,
      {
        channel: 'email',
        to: account.serviceEmail ?? account.email,
        language: account.preferences.messageLanguage,
        timeZone: account.preferences.timeZone,
      },
      'account-locked',
      { time: lockedAt },
    );
  }
}
