/**
 * One-time codes (R-VC-01..05, R-SEC-02), the machinery every area uses: a 6-digit CSPRNG code, stored only as
 * a keyed HMAC, bound to one purpose, one account (or address) and one destination; expires; each attempt is
 * counted atomically *before* the compare; single use through a conditional write that a use case may put in
 * the same transaction as the change the code authorizes. When and how often a code may be sent (the send
 * limits) is verification's rule (lib/verification/send-code.ts); what a wrong code does to the account it was
 * sent for (R-SEC-01, the lock) is the accounts area's, passed in as `onWrongCode` (lib/accounts/codes.ts).
 */
import { addSeconds, now } from '../clock.js';
import { config } from '../config.js';
import { keyedHash, randomDigits, safeEqual } from '../crypto.js';
import { InvalidCode, NotFound } from '../errors.js';
import { type Channel, notifier } from '../notify/notifier.js';
import { render } from '../notify/templates.js';
import type { TransactItem } from '../store/writes.js';
import type { Purpose } from './purposes.js';
import { type CodeFields, challengePut, challengeResend, commit, consumeWrite, countAttempt, loadChallenge } from './store.js';

export interface ChallengeItem {
  challengeId: string;
  purpose: Purpose;
  channel?: Channel;
  /** Keyed hash of the normalized destination: binds the code to it without a second copy of the value. */
  destinationKey?: string;
  /** The destination itself (a new contact is applied from here); deleted with the item by TTL. */
  destination?: string;
  accountId?: string;
  codeHash?: string;
  attempts: number;
  expiresAt: string;
  usedAt?: string;
  [extra: string]: unknown;
}

export const destinationKey = (destination: string) => keyedHash('destination', destination);
const codeHash = (challengeId: string, code: string) => keyedHash('code', `${challengeId}:${code}`);

export interface CodeTarget {
  purpose: Purpose;
  channel: Channel;
  destination: string;
}

export interface IssuedCode {
  /** The code itself: delivered once, never stored. */
  code: string;
  fields: CodeFields;
}

/** A new code for a challenge at `at`: what the challenge stores of it (its keyed hash, binding, expiry) and the code. */
export function issueCode(challengeId: string, target: CodeTarget, at: Date, ttl: number): IssuedCode {
  const code = randomDigits(config.verification.codeDigits);
  const expiresAt = addSeconds(at, config.verification.codeTtlSeconds).toISOString();
  return {
    code,
    fields: {
      purpose: target.purpose,
      channel: target.channel,
      destination: target.destination,
      destinationKey: destinationKey(target.destination),
      codeHash: codeHash(challengeId, code),
      attempts: 0,
      expiresAt,
      ttl,
    },
  };
}

/**
 * The write storing an issued code (tag `challenge`): a new challenge, or (`resend`) a new code into an existing,
 * unused challenge of this purpose and account that has sent fewer than `maxSends` codes (the login second step).
 */
export function challengeWrite(
  challengeId: string,
  issued: IssuedCode,
  on: { accountId?: string; at: Date; resend?: { maxSends: number } },
): TransactItem {
  const at = on.at.toISOString();
  return on.resend
    ? challengeResend(challengeId, issued.fields, on.accountId, on.resend.maxSends, at)
    : challengePut(challengeId, issued.fields, on.accountId, at);
}

/** Delivers an issued code to its destination (R-VC-01), in the recipient's language. */
export async function deliverCode(messageId: string, issued: IssuedCode, target: CodeTarget, language: string): Promise<void> {
  const text = render('verification-code', language, {
    code: issued.code,
    purpose: target.purpose,
    minutes: Math.round(config.verification.codeTtlSeconds / 60),
  });
  await (await notifier()).send({
    messageId,
    channel: target.channel,
    to: target.destination,
    kind: 'verification-code',
    language,
    ...(target.channel === 'email' ? { subject: text.subject } : {}),
    body: text.body,
  });
}

export interface CodeCheck {
  challengeId: string;
  code: string;
  purpose: Purpose;
  /** The challenge must belong to this account (session purposes) ... */
  accountId?: string;
  /** ... and/or have been sent to this destination. */
  destination?: string;
  /**
   * Set when `accountId` is the caller's session account (R-SEC-05): a challenge that is not this
   * account's answers 404 like one that does not exist, and spends none of its attempts.
   */
  sessionScoped?: boolean;
}

export interface CheckedCode {
  challenge: ChallengeItem;
  /** Marks the challenge used; put it in the transaction of the change the code authorizes. */
  consume: TransactItem;
}

/** What a compared and failed code does beyond refusing: charge the account it was sent for (R-SEC-01). */
export interface CodeEffects {
  onWrongCode(accountId: string): Promise<void>;
}

/**
 * Counts the attempt (atomically, before comparing), then compares in constant time. Every failure
 * answers the same InvalidCode: unknown, expired, used, dead, wrong purpose, wrong binding, wrong code.
 */
export async function checkCode(check: CodeCheck, effects: CodeEffects): Promise<CheckedCode> {
  const at = now().toISOString();
  const owned = check.sessionScoped && check.accountId !== undefined;
  const challenge = await countAttempt(check.challengeId, {
    purpose: check.purpose,
    maxAttempts: config.verification.maxWrongAttempts,
    at,
    ...(owned ? { accountId: check.accountId } : {}),
  });
  if (!challenge) {
    if (owned && !(await isChallengeOf(check.challengeId, check.accountId!))) {
      throw new NotFound('No such verification challenge for this account.');
    }
    throw new InvalidCode();
  }
  const codeOk = safeEqual(codeHash(check.challengeId, check.code), challenge.codeHash ?? '');
  const accountOk = check.accountId === undefined || challenge.accountId === check.accountId;
  const destinationOk = check.destination === undefined || safeEqual(destinationKey(check.destination), challenge.destinationKey ?? '');
  if (!codeOk || !accountOk || !destinationOk) {
    // R-SEC-01: a compared and failed code of any purpose counts toward the lock of the account the code was
    // sent for, and only when it was submitted for that same account: a decoy's or another account's challenge
    // named with a victim's identifier charges nobody (else anyone could lock any account with codes of their own).
    const charged = challenge.accountId;
    if (charged && (check.accountId === undefined || check.accountId === charged)) await effects.onWrongCode(charged);
    throw new InvalidCode();
  }
  return { challenge, consume: consumeWrite(check.challengeId, at) };
}

/** Whether the challenge exists and belongs to the account (read only after a refused attempt). */
async function isChallengeOf(challengeId: string, accountId: string): Promise<boolean> {
  return (await loadChallenge(challengeId))?.accountId === accountId;
}

/** Check and consume in one go, for operations whose change is written separately. */
export async function consumeCode(check: CodeCheck, effects: CodeEffects): Promise<ChallengeItem> {
  const { challenge, consume } = await checkCode(check, effects);
  await commit([consume], () => new InvalidCode());
  return challenge;
}
