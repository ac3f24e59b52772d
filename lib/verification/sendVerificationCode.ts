/**
 * sendVerificationCode, POST /v1/verification-codes: works out where a code for a purpose may go, then sends it (R-VC-01..06).
 * Sessionless purposes: `signup` (the email to sign up with), `password-reset` and `delete-huawei-id`
 * (an identifier; the answer looks the same whether or not an account exists, R-SEC-03). Every other purpose needs a session:
 * new contacts are validated, existing ones are taken from the account, never from the request.
 */
import { type AccountItem, contactFor } from '../accounts/account.js';
import { requireAccount } from '../accounts/store.js';
import { emailProblems, normalizeEmail } from '../core/contact/email.js';
import { isE164, normalizeMobile } from '../core/contact/phone.js';
import { maskDestination } from '../core/contact/mask.js';
import { RuleViolation, Unauthenticated, ValidationFailed } from '../core/errors.js';
import type { AccountCaller, GuestCaller } from '../core/caller.js';
import type { Channel } from '../core/notify/notifier.js';
import { languageOf } from '../core/notify/templates.js';
import { sendCode } from './send-code.js';
import { canonicalIdentifier, decoyAccountId, resolveIdentifierEvenly } from '../accounts/identifiers.js';
import { decoyDestination } from './decoys.js';
import type { Purpose } from '../core/codes/purposes.js';
import { IDENTIFIER_PURPOSES, NEW_DESTINATION } from './purposes.js';
import { servicesClosed } from '../core/messages.js';

export interface CodeRequest {
  purpose: Exclude<Purpose, 'login'>;
  channel: Channel;
  destination?: string;
}

const invalid = (field: string, message: string) => new ValidationFailed([{ path: `body.${field}`, message }]);

function newContact(channel: Channel, destination: string | undefined): string {
  if (!destination) throw invalid('destination', 'Name the new mobile number or email address.');
  if (channel === 'sms') {
    if (!isE164(destination)) throw invalid('destination', 'Use the international format, e.g. +4915112345678.');
    return normalizeMobile(destination);
  }
  const problems = emailProblems(destination);
  if (problems.length) throw invalid('destination', problems[0]!);
  return normalizeEmail(destination);
}

/** Purposes that need a code to a contact the account already has, and which state it must be in. */
function existingContact(account: AccountItem, channel: Channel): string {
  const destination = contactFor(account, channel);
  if (!destination) {
    throw new RuleViolation(
      'CHANNEL_UNAVAILABLE',
      `No ${channel === 'sms' ? 'mobile number' : 'email address'} is bound to this account.`,
      [{ condition: 'channel-unavailable', message: 'Choose the other channel.' }],
    );
  }
  return destination;
}

/**
 * Where a code of a sessionless purpose goes: the HUAWEI ID's own email or mobile (R-LI-08 "the bound email or
 * mobile"; R-CL-14), never a service contact, whatever the state of its cloud services (the HUAWEI ID keeps its
 * password when they are disabled, R-CL-13; deletion is judged after the code).
 */
function identifierPurposeContact(account: AccountItem, channel: Channel): string | undefined {
  return channel === 'email' ? account.email : account.mobile;
}

/**
 * R-SEC-03: the mask of a sessionless code request. When the code goes to the identifier itself (an email asking
 * for an email code, a mobile for an SMS code) the mask shows what the caller typed anyway. Otherwise a real mask
 * would show the real domain, country and length, which no decoy can imitate for every account: the answer then
 * has one fixed shape for real and unknown identifiers alike (an SMS mask keeps the last two digits, uniform enough
 * for real numbers and HMAC-derived for decoys).
 */
export function identifierMask(channel: Channel, destination: string, identifier: string): string {
  if (canonicalIdentifier(destination) === canonicalIdentifier(identifier)) return maskDestination(channel, destination);
  return channel === 'email' ? '***@***' : `+*********${destination.slice(-2)}`;
}

export async function sendVerificationCode(caller: AccountCaller | GuestCaller, input: CodeRequest) {
  const language = languageOf(caller.origin.acceptLanguage);
  const base = { purpose: input.purpose, channel: input.channel, sourceIp: caller.origin.sourceIp };
  if (input.purpose === 'signup') {
    if (input.channel !== 'email') throw invalid('channel', 'Sign-up codes go to the email address.');
    const email = newContact('email', input.destination);
    const sent = await sendCode({ ...base, destination: email, language });
    return { ...sent, channel: input.channel, destinationMasked: maskDestination('email', email) };
  }
  if (IDENTIFIER_PURPOSES.has(input.purpose)) {
    if (!input.destination) throw invalid('destination', 'Name the email, mobile number, login ID or tenant name of the account.');
    // R-SEC-03: an identifier without an account (or without a contact on this channel) gets a decoy
    // destination and account: the same reads, limits, writes and mask; only no message leaves. The answer's
    // limits are the identifier's own; the destination's and account's are enforced silently (sendCode).
    const decoyId = decoyAccountId(input.destination);
    const account = await resolveIdentifierEvenly(input.destination, decoyId);
    const real = account ? identifierPurposeContact(account, input.channel) : undefined;
    const destination = real ?? decoyDestination(input.channel, input.destination);
    const sent = await sendCode({
      ...base,
      destination,
      accountId: real ? account!.accountId : decoyId,
      language: real ? account!.preferences.messageLanguage : language,
      deliver: real !== undefined,
      identifier: canonicalIdentifier(input.destination),
    });
    return { ...sent, channel: input.channel, destinationMasked: identifierMask(input.channel, destination, input.destination) };
  }
  if (caller.kind !== 'account') throw new Unauthenticated();
  const account = await requireAccount(caller.accountId);
  if (account.status === 'closed' && input.purpose !== 'disable-services') {
    // R-CL-10: during retention only the disable-services code is useful.
    throw servicesClosed();
  }
  const destination = NEW_DESTINATION.has(input.purpose)
    ? newContact(input.purpose === 'new-email' ? 'email' : 'sms', input.destination)
    : existingContact(account, input.channel);
  if (NEW_DESTINATION.has(input.purpose) && input.channel !== (input.purpose === 'new-email' ? 'email' : 'sms')) {
    throw invalid('channel', input.purpose === 'new-email' ? 'A new email is verified by email.' : 'A mobile number is verified by SMS.');
  }
  const sent = await sendCode({ ...base, destination, accountId: account.accountId, language: account.preferences.messageLanguage });
  return { ...sent, channel: input.channel, destinationMasked: maskDestination(input.channel, destination) };
}
