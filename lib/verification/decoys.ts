/**
 * R-SEC-03: decoys for a password-reset code request whose identifier names no account (or an account
 * without a contact on the chosen channel). A decoy is a plausible destination derived by HMAC from the
 * identifier, so it is stable per identifier and its mask comes from the same mask function as a real one:
 * - an email identifier asking for an email code: the address itself (a real account's code goes there);
 * - a mobile identifier asking for an SMS code: the number itself (likewise);
 * - anything else: an invented address or mobile number of a real format (a common mail domain; a mobile
 *   number of a real country and length), whose visible digits come from the HMAC, never from the input.
 * The decoy account ID (decoyAccountId, lib/accounts/identifiers.ts) names no account: writes keyed by it cost
 * the same and change nothing real.
 */
import { canonicalIdentifier, mobileClaimOf } from '../accounts/identifiers.js';
import { identifierKind } from '../accounts/rules.js';
import { normalizeEmail } from '../core/contact/email.js';
import { keyedHash } from '../core/crypto.js';
import type { Channel } from '../core/notify/notifier.js';

const MAIL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'icloud.com',
  'qq.com',
  '163.com',
  'gmx.de',
  'web.de',
  'mail.ru',
];

/** Mobile formats: country code, leading national digits, national significant number length. */
export const DECOY_MOBILE_FORMATS = [
  { cc: '86', leads: ['130', '135', '138', '139', '150', '186', '188'], nationalLength: 11 },
  { cc: '49', leads: ['151', '152', '157', '160', '170', '171', '176'], nationalLength: 11 },
  { cc: '44', leads: ['74', '75', '77', '78', '79'], nationalLength: 10 },
  { cc: '33', leads: ['6', '7'], nationalLength: 9 },
  { cc: '34', leads: ['6'], nationalLength: 9 },
  { cc: '39', leads: ['32', '33', '34', '36', '38'], nationalLength: 10 },
] as const;

const mobileOf = (identifier: string) => mobileClaimOf(identifier.trim());

/** A stream of pseudo-random bytes from the HMAC of the identifier (deterministic, keyed). */
function bytesOf(purpose: string, identifier: string): Buffer {
  return Buffer.concat([0, 1].map((i) => Buffer.from(keyedHash(`decoy-${purpose}-${i}`, canonicalIdentifier(identifier)), 'base64url')));
}

function decoyEmail(identifier: string): string {
  const b = bytesOf('email', identifier);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const length = 6 + (b[0]! % 7); // 6..12 characters, like most mailbox names
  let local = letters[b[1]! % 26]!;
  for (let i = 2; local.length < length; i += 1) local += b[i]! % 5 === 0 ? String(b[i]! % 10) : letters[b[i]! % 26]!;
  return `${local}@${MAIL_DOMAINS[b[31]! % MAIL_DOMAINS.length]}`;
}

function decoyMobile(identifier: string): string {
  const b = bytesOf('mobile', identifier);
  const format = DECOY_MOBILE_FORMATS[b[0]! % DECOY_MOBILE_FORMATS.length]!;
  const lead = format.leads[b[1]! % format.leads.length]!;
  let national = lead;
  for (let i = 2; national.length < format.nationalLength; i += 1) national += String(b[i]! % 10);
  return `+${format.cc}${national}`;
}

/** Where a reset code for an identifier without an account "goes": never delivered, only masked. */
export function decoyDestination(channel: Channel, identifier: string): string {
  const kind = identifierKind(identifier);
  if (channel === 'email') return kind === 'EMAIL' ? normalizeEmail(identifier) : decoyEmail(identifier);
  if (kind === 'MOBILE') return mobileOf(identifier);
  return decoyMobile(identifier);
}
