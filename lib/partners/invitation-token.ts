/**
 * Invitation tokens (R-PA-01): `<invitationId>.<32 random bytes, base64url>`. The ID finds the invitation; only a
 * keyed hash of the secret part is stored, and a presented secret is compared in constant time.
 */
import { partnersConfig } from '../core/config.js';
import { keyedHash, randomToken, safeEqual } from '../core/crypto.js';

const PURPOSE = 'partner-invitation';

export function newInvitationToken(invitationId: string): { token: string; secretHash: string } {
  const secret = randomToken(32);
  return { token: `${invitationId}.${secret}`, secretHash: keyedHash(PURPOSE, secret) };
}

/** The invitation ID and secret of a presented token, or undefined when it has not the token's shape. */
export function parseInvitationToken(token: string): { invitationId: string; secret: string } | undefined {
  const match = /^(pi_[A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { invitationId: match[1]!, secret: match[2]! } : undefined;
}

export function secretMatches(secret: string, secretHash: string): boolean {
  return safeEqual(keyedHash(PURPOSE, secret), secretHash);
}

export const invitationUrl = (token: string): string => `${partnersConfig.invitationBaseUrl}?token=${encodeURIComponent(token)}`;
