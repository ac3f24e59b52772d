/** sendLoginCode (R-LI-02, R-VC-06, issue 9 item 17): the second-step code of a login attempt, by the chosen channel. */
import { contactFor } from '../accounts/account.js';
import { findAccount } from '../accounts/store.js';
import { maskDestination } from '../core/contact/mask.js';
import type { GuestCaller } from '../core/caller.js';
import { config } from '../core/config.js';
import { InvalidCode, RuleViolation } from '../core/errors.js';
import type { Channel } from '../core/notify/notifier.js';
import type { ChallengeItem } from '../core/codes/challenges.js';
import { sendCode } from '../verification/send-code.js';
import { attemptEnded, checkAttemptLive, openLoginChallenge } from './sign-in.js';

/** Issue 9 item 17: one sign-in attempt sends at most `maxCodeSendsPerLogin` codes; then it starts again. */
function checkSendsLeft(challenge: ChallengeItem): void {
  if (Number(challenge.codeSends ?? 0) >= config.sessions.maxCodeSendsPerLogin) {
    throw new RuleViolation('CODE_SENDS_EXHAUSTED', `This sign-in attempt has sent its ${config.sessions.maxCodeSendsPerLogin} codes.`, [
      { condition: 'code-sends-exhausted', message: 'Use a code already sent, or sign in again with your password.' },
    ]);
  }
}

export async function sendLoginCode(caller: GuestCaller, input: { challengeId: string; channel: Channel }) {
  const { challengeId, channel } = input;
  const challenge = await openLoginChallenge(challengeId);
  const account = await findAccount(challenge.accountId!);
  if (!account) throw attemptEnded();
  checkAttemptLive(challenge, account);
  checkSendsLeft(challenge);
  const destination = contactFor(account, channel);
  if (!destination) {
    throw new RuleViolation(
      'CHANNEL_UNAVAILABLE',
      `No ${channel === 'sms' ? 'mobile number' : 'email address'} is bound to this account.`,
      [{ condition: 'channel-unavailable', message: 'Choose another channel.' }],
    );
  }
  const sent = await sendCode({
    purpose: 'login',
    channel,
    destination,
    accountId: account.accountId,
    challengeId,
    maxSends: config.sessions.maxCodeSendsPerLogin,
    sourceIp: caller.origin.sourceIp,
    language: account.preferences.messageLanguage,
  }).catch(async (error: unknown) => {
    // A parallel send may have taken the last one: say so rather than "ended".
    if (error instanceof InvalidCode) checkSendsLeft(await openLoginChallenge(challengeId));
    throw error;
  });
  return { destinationMasked: maskDestination(channel, destination), expiresAt: sent.expiresAt, resendAfter: sent.resendAfter };
}
