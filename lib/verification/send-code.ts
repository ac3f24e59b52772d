/**
 * Sending a one-time code under verification's own rules (R-VC-04, R-SEC-06, R-SEC-03): the send limits per
 * destination, account, source address and (sessionless purposes) identifier, decided and written in the same
 * transaction as the challenge. Issuing, storing, delivering and checking codes is lib/core/codes'.
 */
import { epochSeconds, now } from '../core/clock.js';
import { challengeWrite, deliverCode, issueCode } from '../core/codes/challenges.js';
import type { Purpose } from '../core/codes/purposes.js';
import { config } from '../core/config.js';
import { newId } from '../core/crypto.js';
import { InvalidCode, RateLimited } from '../core/errors.js';
import type { Channel } from '../core/notify/notifier.js';
import type { Key } from '../core/store/keys.js';
import { ConditionFailed, type TransactItem } from '../core/store/writes.js';
import { type ScopeLimit, decideSend } from './send-limits.js';
import { commit, readSendRecords, sendLimitKey, sendRecordPut } from './store.js';

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

function scopesFor(req: SendRequest): Scope[] {
  const v = config.verification;
  const scope = (name: string, value: string, limit: ScopeLimit, silent = false): Scope => ({
    key: sendLimitKey(name, value),
    limit,
    ...(silent ? { silent } : {}),
  });
  const perDestination = {
    max: v.maxSendsPerDestinationPerDay,
    windowSeconds: v.destinationWindowSeconds,
    cooldownSeconds: v.resendCooldownSeconds,
  };
  const silent = req.identifier !== undefined;
  return [
    // The first scope's cooldown is the `resendAfter` of the answer.
    ...(silent ? [scope('identifier', `${req.purpose}:${req.channel}:${req.identifier}`, perDestination)] : []),
    scope('dest', req.destination, perDestination, silent),
    ...(req.accountId
      ? [
          scope(
            'account',
            req.accountId,
            { max: v.maxSendsPerAccountPerDay, windowSeconds: v.accountWindowSeconds, cooldownSeconds: 0 },
            silent,
          ),
        ]
      : []),
    scope('source', req.sourceIp, { max: v.maxSendsPerSourcePerHour, windowSeconds: v.sourceWindowSeconds, cooldownSeconds: 0 }),
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
    // A re-sent code into an existing challenge (login) never outlives the challenge itself.
    const ttl = epochSeconds(at) + config.verification.sendRecordTtlSeconds;
    // R-SEC-03: a silent limit reached sends nothing; its scopes then record no send but are written all the same.
    const withheld = decisions.some((d) => !d.allowed);
    const rateWrites: TransactItem[] = scopes.map((s, i) => {
      const d = decisions[i]!;
      const next = d.allowed && !(withheld && s.silent) ? d.next : { ...records[i]!, version: records[i]!.version + 1 };
      return sendRecordPut(s.key, next, records[i]!.version, ttl);
    });
    const issued = issueCode(challengeId, req, at, ttl);
    const write = challengeWrite(challengeId, issued, {
      at,
      ...(req.accountId ? { accountId: req.accountId } : {}),
      ...(req.challengeId ? { resend: { maxSends: req.maxSends ?? Number.MAX_SAFE_INTEGER } } : {}),
    });
    try {
      await commit([...rateWrites, write]);
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
      await deliverCode(`${challengeId}:${attempt}:${at.getTime()}`, issued, req, req.language);
    }
    const decision = decisions[0]!;
    return { challengeId, expiresAt: issued.fields.expiresAt, resendAfter: (decision.allowed ? decision.resendAfter : at).toISOString() };
  }
}
