/**
 * Schemas shared by many routes: problem details, timestamps, pagination, codes, free text, email
 * addresses and phone numbers (issue 9 items 3, 6, 18); passwords and names are lib/accounts/schemas.ts. New routes build their bodies from these. Each type carries its rule twice: as a pattern/length the OpenAPI document shows, and as a
 * refinement calling the pure rule, so the document and the server say the same thing.
 */
import * as z from 'zod/mini';
import { config } from '../config.js';
import { EMAIL_PATTERN, emailProblems } from '../contact/email.js';
import { phoneProblem, toE164 } from '../contact/phone.js';
import { PHONE_INPUT_PATTERN } from '../contact/phone-pattern.js';

export const isoTime = z.iso.datetime().check(z.meta({ description: 'ISO 8601 UTC time', example: '2026-11-23T10:00:00.000Z' }));

/** A calendar date, YYYY-MM-DD (ISO 8601). */
export const isoDate = z.iso.date().check(z.meta({ description: 'ISO 8601 date', example: '2026-12-31' }));

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().check(z.int()),
    detail: z.string(),
    code: z.string().check(z.meta({ description: 'Stable UPPER_SNAKE identifier' })),
    errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    // Issue 13 (R-RN-02): a `material-invalid` failure names the application's slot whose material cannot be used.
    failures: z.optional(z.array(z.object({ condition: z.string(), message: z.string(), slot: z.optional(z.string()) }))),
    retryAfter: z.optional(z.number().check(z.int())),
    // Visible quotas (issue 11, R-PD-03/06): a refused request says how many are left and when the next is possible.
    requestsLeft: z.optional(z.number().check(z.int())),
    nextRequestPossibleAt: z.optional(isoTime),
  })
  .check(z.meta({ id: 'Problem' }));

export const paginationQuery = {
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(config.pagination.maxLimit))),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
};

/** R-SEC-04: the Idempotency-Key pattern lib/core/http/middlewares/idempotency.ts enforces. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,128}$/;

/** How a code or notice travels. */
export const channel = z.enum(['sms', 'email']);

/** A one-time code as typed by its owner (R-VC-01). */
export const code = z.string().check(z.regex(/^\d{6}$/, 'A code is 6 digits.'));

export const verification = z
  .strictObject({
    challengeId: z.string().check(z.minLength(1), z.maxLength(128)),
    code,
  })
  .check(z.meta({ id: 'Verification' }));

/**
 * Issue 9 item 6: what free text may hold. Refused: C0 controls (NUL, TAB, CR, LF, ...), DEL and C1
 * controls, bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069), and lone surrogates.
 * Also the line and paragraph separators (U+2028/2029) and the direction marks LRM, RLM and ALM (U+200E/200F, U+061C).
 * With the `u` flag a surrogate pair is one code point, so only unpaired halves fall in \uD800-\uDFFF.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this pattern's purpose.
export const SAFE_TEXT = /^[^\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]*$/u;
export const SAFE_TEXT_MESSAGE = 'Control characters, line breaks, bidirectional overrides and unpaired surrogates are not allowed.';

/**
 * Free text typed by a person (names, addresses, reasons, file names). `trim` strips spaces at both
 * ends before the lengths are checked; the characters are checked before trimming.
 */
export function text(options: { max: number; min?: number; trim?: boolean }) {
  const trim = options.trim === false ? [] : [z.trim()];
  return z.string().check(z.regex(SAFE_TEXT, SAFE_TEXT_MESSAGE), ...trim, z.minLength(options.min ?? 1), z.maxLength(options.max));
}

/** R-SU-02: an email address as accepted for sign-up, new emails and recipients. */
export const email = /* @__PURE__ */ emailSchema();

function emailSchema() {
  return z.string().check(
    z.maxLength(254, 'Enter a valid email address.'),
    z.regex(EMAIL_PATTERN, 'Enter a valid email address without + ! # or $.'),
    z.superRefine((value: string, ctx) => {
      // The pattern reported what it could; the rule adds what a pattern cannot say (e.g. "..").
      if (value.length > 254 || !EMAIL_PATTERN.test(value)) return;
      for (const message of emailProblems(value)) ctx.addIssue({ code: 'custom', message });
    }),
    z.meta({ description: 'An email address (R-SU-02); + ! # and $ are not allowed', example: 'li.lei@example.com' }),
  );
}

/**
 * Issue 9 item 3: every phone field is this type: validated and normalised to E.164 in one place
 * (lib/core/contact/phone.ts), so a use case only ever sees the normalised number.
 */
export const phone = /* @__PURE__ */ phoneSchema();

function phoneSchema() {
  return z
    .pipe(
      z.string().check(z.regex(PHONE_INPUT_PATTERN, 'Use the international format, e.g. +4915112345678.')),
      z.transform((value: string, ctx) => {
        const e164 = toE164(value);
        if (e164) return e164;
        ctx.issues.push({ code: 'custom', message: phoneProblem(value) ?? 'Use a mobile number.', input: value });
        return z.NEVER;
      }),
    )
    .check(
      z.meta({
        description:
          'A mobile number in international format, stored as E.164 (spaces, hyphens, brackets and a trunk 0 after the country code are ignored); landlines are refused',
        example: '+4915112345678',
      }),
    );
}

/** R-LI-01: an email, mobile number, login ID or tenant name naming an account. */
export const identifier = text({ max: 320 }).check(z.meta({ description: 'email, mobile number, login ID or tenant name' }));
