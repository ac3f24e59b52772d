/**
 * login (R-LI-01..04, R-SEC-01, R-SEC-03): identifier + password, then a second-step code by the channel
 * the user picks, unless a trusted device token skips it. Unknown identifier and wrong password get the
 * same answer after the same work (a dummy hash is verified when no account matches).
 */
import { channelsOf, contactFor } from '../accounts/account.js';
import { decoyAccountId, resolveIdentifierEvenly } from '../accounts/identifiers.js';
import { isLocked } from '../accounts/lockout.js';
import { verifyAgainstDummy, verifyPassword } from '../accounts/password.js';
import { maskDestination } from '../core/contact/mask.js';
import type { GuestCaller } from '../core/caller.js';
import { addSeconds, epochSeconds, now } from '../core/clock.js';
import { config } from '../core/config.js';
import { newId } from '../core/crypto.js';
import type { Channel } from '../core/notify/notifier.js';
import { isThrottled } from './rules.js';
import { type SignedIn, completeSignIn, recordFailure, servicesDisabled, throttleSource } from './sign-in.js';
import { putLoginAttempt } from './store.js';
import { isTrustedDevice } from './tokens.js';

export interface LoginInput {
  identifier: string;
  password: string;
  deviceToken?: string;
}

/** Either the second step is open (choose a channel) or, for a trusted device, the session at once. */
export type LoginResult =
  | { kind: 'second-step'; challengeId: string; channels: Array<{ channel: Channel; destinationMasked: string }> }
  | ({ kind: 'signed-in' } & Omit<SignedIn, 'deviceToken'>);

export async function login(caller: GuestCaller, input: LoginInput): Promise<LoginResult> {
  const origin = caller.origin;
  await throttleSource(origin);
  const decoy = { accountId: decoyAccountId(input.identifier), real: false };
  const account = await resolveIdentifierEvenly(input.identifier, decoy.accountId);
  if (!account) {
    await verifyAgainstDummy(input.password);
    return recordFailure(origin, decoy);
  }
  // R-SEC-01: a locked account answers exactly like a wrong password, so the lock is no password oracle;
  // its owner was told by email when it locked and unlocks it with a password reset by code.
  // R-LI-04: inside an account's back-off the password is not even compared (same answer, same work).
  if (isThrottled(account.failedAttempts, account.lastFailedAt as string | undefined, now())) {
    await verifyAgainstDummy(input.password);
    return recordFailure(origin, decoy);
  }
  const passwordOk = await verifyPassword(input.password, account.passwordHash);
  if (!passwordOk || isLocked(account)) return recordFailure(origin, { accountId: account.accountId, real: true });
  // R-LI-06, R-CL-13: the HUAWEI ID outlives its cloud services; once its password is proven, say so.
  if (account.status === 'disabled') throw servicesDisabled();
  if (await isTrustedDevice(input.deviceToken, account)) {
    const { token, expiresAt } = await completeSignIn(account, origin, [], false);
    return { kind: 'signed-in', token, expiresAt };
  }
  const at = now();
  const challengeId = newId('lg_');
  const expiresAt = addSeconds(at, config.sessions.loginChallengeTtlSeconds).toISOString();
  await putLoginAttempt(
    {
      challengeId,
      accountId: account.accountId,
      expiresAt,
      // The sign-in attempt ends at this time whatever codes are re-sent, and only for this password.
      loginExpiresAt: expiresAt,
      epoch: account.sessionEpoch,
      createdAt: at.toISOString(),
    },
    epochSeconds(at) + config.sessions.loginChallengeRetentionSeconds,
  );
  const channels = channelsOf(account).map((channel) => ({
    channel,
    destinationMasked: maskDestination(channel, contactFor(account, channel)!),
  }));
  return { kind: 'second-step', challengeId, channels };
}
