/**
 * R-VC-04, R-SEC-06: when may another code be sent? Pure: takes the recorded sends of one scope
 * (a destination, an account or a source address) and answers "send now" with the new record, or
 * "wait N seconds". The store writes the new record conditionally on its version.
 */
import { windowState } from '../core/quota/rolling-window.js';

export interface SendRecord {
  /** ISO times of sends inside the window, oldest first. */
  sends: string[];
  /** Last send per purpose (destination scope only: the resend cooldown). */
  lastByPurpose: Record<string, string>;
  version: number;
}

export interface ScopeLimit {
  /** Sends allowed in `windowSeconds`. */
  max: number;
  windowSeconds: number;
  /** Seconds between two sends for the same purpose (0 = no cooldown). */
  cooldownSeconds: number;
}

export type SendDecision =
  | { allowed: true; next: SendRecord; resendAfter: Date }
  | { allowed: false; retryAfterSeconds: number; reason: 'cooldown' | 'quota' };

export const emptyRecord = (): SendRecord => ({ sends: [], lastByPurpose: {}, version: 0 });

export function decideSend(record: SendRecord, purpose: string, at: Date, limit: ScopeLimit): SendDecision {
  const nowMs = at.getTime();
  const last = record.lastByPurpose[purpose];
  if (limit.cooldownSeconds > 0 && last) {
    const wait = Date.parse(last) + limit.cooldownSeconds * 1000 - nowMs;
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000), reason: 'cooldown' };
  }
  const window = windowState(record.sends, at, limit);
  if (window.left === 0) {
    const nextMs = window.nextAllowedAt?.getTime() ?? nowMs + limit.windowSeconds * 1000;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((nextMs - nowMs) / 1000)), reason: 'quota' };
  }
  const iso = at.toISOString();
  const lastByPurpose = Object.fromEntries(
    Object.entries({ ...record.lastByPurpose, [purpose]: iso }).filter(([, t]) => windowState([t], at, limit).recent.length > 0),
  );
  return {
    allowed: true,
    next: { sends: [...window.recent, iso], lastByPurpose, version: record.version + 1 },
    resendAfter: new Date(nowMs + limit.cooldownSeconds * 1000),
  };
}
