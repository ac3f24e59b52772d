/** Pure rules of message recipients (R-PR-03). */
import { isE164, normalizeMobile } from '../core/contact/phone.js';
import { normalizeEmail } from '../core/contact/email.js';
import { recipientsConfig } from '../core/config.js';
import { RuleViolation, ValidationFailed } from '../core/errors.js';

export interface RecipientInput {
  name: string;
  email?: string;
  mobile?: string;
  messageTypes: string[];
}

/** A recipient needs an email or a mobile number; contacts normalised, message types once each. */
export function clean(input: RecipientInput): RecipientInput {
  const errors = [];
  if (!input.email && !input.mobile) errors.push({ path: 'body.email', message: 'Give an email, a mobile number, or both.' });
  if (input.mobile && !isE164(input.mobile))
    errors.push({ path: 'body.mobile', message: 'Use the international format, e.g. +4915112345678.' });
  if (errors.length) throw new ValidationFailed(errors);
  return {
    name: input.name,
    ...(input.email ? { email: normalizeEmail(input.email) } : {}),
    ...(input.mobile ? { mobile: normalizeMobile(input.mobile) } : {}),
    messageTypes: [...new Set(input.messageTypes)],
  };
}

/** The account is closed (R-CL-10) or, when adding, already has the most recipients allowed. */
export const closedOrFull = (adding: boolean) =>
  new RuleViolation(adding ? 'QUOTA_EXCEEDED' : 'NOT_ALLOWED', adding ? 'No more recipients can be added.' : 'The account is closed.', [
    adding
      ? {
          condition: 'recipient-limit',
          message: `At most ${recipientsConfig.maxPerAccount} recipients; delete one first (or the account is closed).`,
        }
      : { condition: 'services-closed', message: 'Restore cloud services first.' },
  ]);
