import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { nowMs } from './clock.js';
import { config } from './config.js';

/** Keyed hash (HMAC-SHA256, base64url) of a secret value, domain-separated by `purpose`. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac('sha256', config.hmacSecret).update(`${purpose}\u0000${value}`).digest('base64url');
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  if (ab.length !== bb.length) {
    timingSafeEqual(ab, ab);
    return false;
  }
  return timingSafeEqual(ab, bb);
}

/** An opaque random token (256 bits, base64url). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A random numeric code of `digits` digits from the CSPRNG (R-VC-01). */
export function randomDigits(digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i += 1) out += String(randomInt(0, 10));
  return out;
}

/** A sortable unique ID: time prefix plus randomness. */
export function newId(prefix = ''): string {
  const t = nowMs().toString(36).padStart(9, '0');
  return `${prefix}${t}${randomBytes(10).toString('base64url')}`;
}
