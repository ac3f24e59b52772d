/**
 * What the sign-in operations share (R-LI-01..08, R-SEC-01, R-SEC-03): the source throttle, a failed
 * attempt's bookkeeping, the live login attempt and the completed sign-in.
 */
import type { AccountItem } from '../accounts/account.js';
import { countFailure, isLocked } from '../accounts/lockout.js';
import { auditWrite } from '../core/audit/audit.js';
import type { Origin } from '../core/caller.js';
import { epochSeconds, now } from '../core/clock.js';
import { config } from '../core/config.js';
import { InvalidCode, InvalidCredentials, RateLimited, RuleViolation } from '../core/errors.js';
import type { TransactItem } from '../core/store/writes.js';
import type { ChallengeItem } from '../core/codes/challenges.js';
import { commit, countSourceFailure, loadChallenge, putFailureTrace, signInAccountWrite, sourceFailures } from './store.js';
import { newSession } from '../core/sessions.js';
import { newTrustedDevice } from './tokens.js';

const thisHour = () => now().toISOString().slice(0, 13);

export async function throttleSource(origin: Origin): Promise<void> {
  if ((await sourceFailures(origin.sourceIp, thisHour())) >= config.sessions.failuresPerSourcePerHour) {
    throw new RateLimited(3600 - (now().getUTCMinutes() * 60 + now().getUTCSeconds()), 'Too many failed sign-ins from here; try later.');
  }
}

/**
 * A failed sign-in: the source's counter, the account's failure count (R-SEC-01) and an audit trace.
 * R-SEC-03: without a real account to charge (unknown identifier, or an attempt inside the back-off) the
 * same calls go to a decoy account ID that names none, under conditions that fail: equal work, no writes.
 */
export async function recordFailure(origin: Origin, charged: { accountId: string; real: boolean }): Promise<never> {
  await countSourceFailure(origin.sourceIp, thisHour(), epochSeconds() + 7200);
  await countFailure(charged.accountId); // a decoy ID names no account: the conditional update writes nothing
  await putFailureTrace(
    auditWrite({ accountId: charged.accountId, traceName: 'loginFailed', request: origin, result: 'failure' }),
    charged.real,
  );
  throw new InvalidCredentials();
}

/** R-LI-06, R-CL-14: the answer to a proven password of a HUAWEI ID whose cloud services are disabled. */
export const servicesDisabled = () =>
  new RuleViolation(
    'SERVICES_DISABLED',
    'The cloud services of this HUAWEI ID are disabled and cannot be used again. The only action offered is to delete the HUAWEI ID (POST /v1/huawei-id/deletions).',
    [
      {
        condition: 'services-disabled',
        message: 'Delete the HUAWEI ID with its password and a delete-huawei-id code, or keep it for other Huawei services.',
      },
    ],
  );

export const attemptEnded = () => new InvalidCode('This sign-in attempt has ended; start again.');

export interface SignedIn {
  token: string;
  expiresAt: string;
  deviceToken?: string;
}

/** Issues a session: failures reset, audit written, optional trusted device, all in one transaction. */
export async function completeSignIn(account: AccountItem, origin: Origin, extra: TransactItem[], trustDevice: boolean): Promise<SignedIn> {
  const session = newSession(account.accountId, account.sessionEpoch);
  const device = trustDevice ? newTrustedDevice(account.accountId, account.sessionEpoch) : undefined;
  await commit(
    [
      ...extra,
      session.write,
      ...(device ? [device.write] : []),
      signInAccountWrite(account),
      auditWrite({ accountId: account.accountId, traceName: 'login', request: origin, result: 'success' }),
    ],
    attemptEnded,
  );
  return { token: session.token, expiresAt: session.expiresAt, ...(device ? { deviceToken: device.token } : {}) };
}

/**
 * R-LI-06, R-LI-08: a sign-in attempt ends when the account can no longer sign in with the password that
 * opened it: cloud services disabled, password changed or reset (a new session epoch), or sign-in locked.
 */
export function checkAttemptLive(challenge: ChallengeItem, account: AccountItem): void {
  if (account.status === 'disabled' || challenge.epoch !== account.sessionEpoch || isLocked(account)) throw attemptEnded();
}

export async function openLoginChallenge(challengeId: string): Promise<ChallengeItem> {
  const challenge = await loadChallenge<ChallengeItem>(challengeId);
  if (
    challenge?.purpose !== 'login' ||
    challenge.usedAt ||
    !challenge.accountId ||
    String(challenge.loginExpiresAt) <= now().toISOString()
  ) {
    throw attemptEnded();
  }
  return challenge;
}
