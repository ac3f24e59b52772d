/**
 * Verification challenges (R-VC-01..05, R-SEC-02): a 6-digit CSPRNG code, stored only as a keyed HMAC,
 * bound to one purpose, one account (or address) and one destination; expires; each attempt is counted
 * atomically *before* the compare; single use through a conditional write that a use case may put in
 * the same transaction as the change the code authorizes.
 */
import { addSeconds, epochSeconds, now } from '../core/clock.js';
import { countFailure } from '../accounts/lockout.js';
import { config } from '../core/config.js';
import { keyedHash, newId, randomDigits, safeEqual } from '../core/crypto.js';
import { InvalidCode, NotFound, RateLimited } from '../core/errors.js';
import { type Channel, notifier } from '../core/notify/notifier.js';
import { render } from '../core/notify/templates.js';
import type { Key } from '../core/store/keys.js';
import { ConditionFailed, type TransactItem } from '../core/store/writes.js';
import type { Purpose } from './purposes.js';
import { type ScopeLimit, decideSend } from './send-limits.js';
import {
  type CodeFields,
  challengePut,
  challengeResend,
  commit,
  consumeWrite,
  countAttempt,
  loadChallenge,
  readSendRecords,
  sendLimitKey,
  sendRecordPut,
} from './store.js';

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

export interface SendRequest {
  purpose: Purpose;
  channel: Channel;
  destination: string;
  accountId?: string;
  sourceIp: string;
  language: string;
  /** Re-send into an existing challenge (the login second step); otherwise a new challenge is made. */
  challengeId?: string;
  /** With `challengeId`: the most codes the challenge may ever send (counted atomically on it). */
  maxSends?: number;
  /** When false, everything happens (limits, challenge) but no message leaves: an unknown account (R-SEC-03). */
  deliver?: boolean;
  /**
   * R-SEC-03, sessionless identifier purposes: the canonical identifier the code was asked for. The answer
   * (202 or 429, `resendAfter`) then comes only from the request itself (purpose, channel, identifier; the
   * source address); the destination's and the account's limits are enforced silently (202, not delivered),
   * so neither whether an account exists nor which identifiers share one shows in the answer.
   */
  identifier?: string;
}

export interface SendResult {
  challengeId: string;
  expiresAt: string;
  resendAfter: string;
}

interface Scope {
  key: Key;
  limit: ScopeLimit;
  /** A refusal withholds delivery instead of answering 429 (R-SEC-03). */
  silent?: boolean;
}

const DAY = 86_400;

function scopesFor(req: SendRequest): Scope[] {
  const v = config.verification;
  const scope = (name: string, value: string, limit: ScopeLimit, silent = false): Scope => ({
    key: sendLimitKey(name, value),
    limit,
    ...(silent ? { silent } : {}),
  });
  const perDestination = { max: v.maxSendsPerDestinationPerDay, windowSeconds: DAY, cooldownSeconds: v.resendCooldownSeconds };
  const silent = req.identifier !== undefined;
  return [
    // The first scope's cooldown is the `resendAfter` of the answer.
    ...(silent ? [scope('identifier', `${req.purpose}:${req.channel}:${req.identifier}`, perDestination)] : []),
    scope('dest', req.destination, perDestination, silent),
    ...(req.accountId ? [scope('account', req.accountId, { max: v.maxSendsPerAccountPerDay, windowSeconds: DAY, cooldownSeconds: 0 }, silent)] : []),
    scope('source', req.sourceIp, { max: v.maxSendsPerSourcePerHour, windowSeconds: 3600, cooldownSeconds: 0 }),
  ];
}

/** R-VC-04, R-SEC-06: enforce the send limits, store the new code, then deliver it. */
export async function sendCode(req: SendRequest): Promise<SendResult> {
  const scopes = scopesFor(req);
  for (let attempt = 1; ; attempt += 1) {
    const at = now();
    const records = await readSendRecords(scopes.map((s) => s.key));
    const decisions = scopes.map((s, i) => decideSend(records[i]!, req.purpose, at, s.limit));
    const refused = decisions.filter((d, i) => !d.allowed && !scopes[i]!.silent);
    if (refused.length) {
      throw new RateLimited(Math.max(...refused.map((d) => (d.allowed ? 0 : d.retryAfterSeconds))), 'Wait before requesting another code.');
    }
    const challengeId = req.challengeId ?? newId('ch_');
    const code = randomDigits(config.verification.codeDigits);
    const expiresAt = addSeconds(at, config.verification.codeTtlSeconds).toISOString();
    // A re-sent code into an existing challenge (login) never outlives the challenge itself.
    const ttl = epochSeconds(at) + 2 * DAY;
    // R-SEC-03: a silent limit reached sends nothing; its scopes then record no send but are written all the same.
    const withheld = decisions.some((d) => !d.allowed);
    const rateWrites: TransactItem[] = scopes.map((s, i) => {
      const d = decisions[i]!;
      const next = d.allowed && !(withheld && s.silent) ? d.next : { ...records[i]!, version: records[i]!.version + 1 };
      return sendRecordPut(s.key, next, records[i]!.version, ttl);
    });
    const fields: CodeFields = {
      purpose: req.purpose,
      channel: req.channel,
      destination: req.destination,
      destinationKey: destinationKey(req.destination),
      codeHash: codeHash(challengeId, code),
      attempts: 0,
      expiresAt,
      ttl,
    };
    const challengeWrite = req.challengeId
      ? challengeResend(challengeId, fields, req.accountId, req.maxSends ?? Number.MAX_SAFE_INTEGER, at.toISOString())
      : challengePut(challengeId, fields, req.accountId, at.toISOString());
    try {
      await commit([...rateWrites, challengeWrite]);
    } catch (error) {
      if (error instanceof ConditionFailed) {
        if (req.challengeId && error.failed('challenge')) throw new InvalidCode('This sign-in attempt has ended; start again.');
        if (attempt < 8) {
          // A concurrent send moved a window on: wait a moment, then decide again.
          await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 25 * attempt)));
          continue;
        }
        throw new RateLimited(config.verification.resendCooldownSeconds, 'Wait before requesting another code.');
      }
      throw error;
    }
    if (req.deliver !== false && !withheld) {
      const text = render('verification-code', req.language, {
        code,
        purpose: req.purpose,
        minutes: Math.round(config.verification.codeTtlSeconds / 60),
      });
      await (await notifier()).send({
        messageId: `${challengeId}:${attempt}:${at.getTime()}`,
        channel: req.channel,
        to: req.destination,
        kind: 'verification-code',
        language: req.language,
        ...(req.channel === 'email' ? { subject: text.subject } : {}),
        body: text.body,
      });
    }
    const decision = decisions[0]!;
    return { challengeId, expiresAt, resendAfter: (decision.allowed ? decision.resendAfter : at).toISOString() };
  }
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

/**
 * Counts the attempt (atomically, before comparing), then compares in constant time. Every failure
 * answers the same InvalidCode: unknown, expired, used, dead, wrong purpose, wrong binding, wrong code.
 */
export async function checkCode(check: CodeCheck): Promise<CheckedCode> {
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
    if (charged && (check.accountId === undefined || check.accountId === charged)) await countFailure(charged);
    throw new InvalidCode();
  }
  return { challenge, consume: consumeWrite(check.challengeId, at) };
}

/** Whether the challenge exists and belongs to the account (read only after a refused attempt). */
async function isChallengeOf(challengeId: string, accountId: string): Promise<boolean> {
  return (await loadChallenge(challengeId))?.accountId === accountId;
}

/** Check and consume in one go, for operations whose change is written separately. */
export async function consumeCode(check: CodeCheck): Promise<ChallengeItem> {
  const { challenge, consume } = await checkCode(check);
  await commit([consume], () => new InvalidCode());
  return challenge;
}
