/** verifyLoginCode (R-LI-02, R-LI-03): completes the second step with the code; optionally trusts this device. */
import { findAccount } from '../accounts/store.js';
import { audit } from '../core/audit/audit.js';
import type { GuestCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { InvalidCode } from '../core/errors.js';
import { checkCode } from '../accounts/codes.js';
import { type SignedIn, attemptEnded, checkAttemptLive, completeSignIn, openLoginChallenge } from './sign-in.js';

export async function verifyLoginCode(
  caller: GuestCaller,
  input: { challengeId: string; code: string; trustDevice?: boolean },
): Promise<SignedIn> {
  const { challengeId } = input;
  let checked: Awaited<ReturnType<typeof checkCode>>;
  try {
    checked = await checkCode({ challengeId, code: input.code, purpose: 'login' });
  } catch (error) {
    // The failed code was counted toward the account's lock by checkCode (R-SEC-01); here it is audited.
    if (error instanceof InvalidCode) {
      const challenge = await openLoginChallenge(challengeId).catch(() => undefined);
      if (challenge?.accountId)
        await audit({ accountId: challenge.accountId, traceName: 'loginFailed', request: caller.origin, result: 'failure' });
    }
    throw error;
  }
  const account = await findAccount(checked.challenge.accountId!);
  if (!account || String(checked.challenge.loginExpiresAt) <= now().toISOString()) throw attemptEnded();
  checkAttemptLive(checked.challenge, account);
  return completeSignIn(account, caller.origin, [checked.consume], input.trustDevice ?? false);
}
