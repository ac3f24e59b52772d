/**
 * The identity field types every route uses for email addresses, phone numbers, passwords and names
 * (issue 9 items 3, 18). Each type carries its rule twice: as a pattern/length the OpenAPI document shows,
 * and as a refinement calling the pure rule, so the document and the server say the same thing.
 */
import * as z from 'zod';
import { config } from '../core/config.js';
import { EMAIL_PATTERN, emailProblems, LOGIN_ID_PATTERN, passwordProblems, TENANT_NAME_PATTERN } from './rules.js';
import { phoneProblem, toE164 } from './phone.js';
import { PHONE_INPUT_PATTERN } from './phone-pattern.js';

/** R-SU-02: an email address as accepted for sign-up, new emails and recipients. */
export const email = /* @__PURE__ */ emailSchema();

function emailSchema() {
  return z
    .string()
    .max(254, 'Enter a valid email address.')
    .regex(EMAIL_PATTERN, 'Enter a valid email address without + ! # or $.')
    .superRefine((value, ctx) => {
      // The pattern reported what it could; the rule adds what a pattern cannot say (e.g. "..").
      if (value.length > 254 || !EMAIL_PATTERN.test(value)) return;
      for (const message of emailProblems(value)) ctx.addIssue({ code: 'custom', message });
    })
    .meta({ description: 'An email address (R-SU-02); + ! # and $ are not allowed', example: 'li.lei@example.com' });
}

/**
 * Issue 9 item 3: every phone field is this type: validated and normalised to E.164 in one place
 * (lib/accounts/phone.ts), so a use case only ever sees the normalised number.
 */
export const phone = /* @__PURE__ */ phoneSchema();

function phoneSchema() {
  return z
    .string()
    .regex(PHONE_INPUT_PATTERN, 'Use the international format, e.g. +4915112345678.')
    .transform((value, ctx) => {
      const e164 = toE164(value);
      if (e164) return e164;
      ctx.addIssue({ code: 'custom', message: phoneProblem(value) ?? 'Use a mobile number.' });
      return z.NEVER;
    })
    .meta({
      description: 'A mobile number in international format, stored as E.164 (spaces, hyphens, brackets and a trunk 0 after the country code are ignored); landlines are refused',
      example: '+4915112345678',
    });
}

/** R-SU-03: a new password (composition rules here; "not your email or name" needs the account and stays in the use case). */
const PASSWORD_SHAPE = /^(?=[^\s]*[A-Za-z])(?=[^\s]*\d)[^\s]+$/;
export const newPassword = /* @__PURE__ */ newPasswordSchema();

function newPasswordSchema() {
  const { minLength, maxLength } = config.password;
  return z
    .string()
    .min(minLength, `Use at least ${minLength} characters.`)
    .max(maxLength, `Use at most ${maxLength} characters.`)
    .regex(PASSWORD_SHAPE, 'Use both letters and digits, and no spaces.')
    .superRefine((value, ctx) => {
      // Length and shape are reported above; the rule adds what a pattern cannot say (common passwords).
      if (value.length < minLength || value.length > maxLength || !PASSWORD_SHAPE.test(value)) return;
      for (const message of passwordProblems(value)) ctx.addIssue({ code: 'custom', message });
    })
    .meta({ format: 'password', description: `R-SU-03: ${minLength} to ${maxLength} characters with letters and digits, no spaces, not a common password` });
}

/** A password as typed to prove it (no composition rules: it was set under older rules, maybe). */
export const currentPassword = z.string().min(1).max(1024).meta({ format: 'password' });

/** R-AI-02 / R-AI-04: the name formats, as the rules define them. */
export const tenantName = z.string().regex(TENANT_NAME_PATTERN, 'A tenant name starts with a letter and has 6 to 32 letters, digits, - or _.');
export const loginId = z.string().regex(LOGIN_ID_PATTERN, 'A login ID starts with a letter and has 6 to 32 letters, digits, _ . or -.');

