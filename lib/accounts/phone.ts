/**
 * Issue 9 item 3: the one place phone numbers are validated and normalised (used by the `phone` type of
 * lib/http/schemas.ts, which every phone field uses). Today: the E.164 shape after removing separators.
 * Parsing with libphonenumber-js (type mobile; `+49 0151…` is `+49151…`) replaces the body of this file
 * on branch i9-contract-phone; it does not fit the 400 KB bundle budget yet (see docs/DESIGN.md).
 */

/** What a client may type: a + and digits, with spaces, hyphens and brackets as separators. */
export const PHONE_INPUT_PATTERN = /^\+[0-9][0-9 ()-]{6,22}$/;

const INVALID = 'Use a mobile number in international format, e.g. +4915112345678.';

/** The E.164 form of an acceptable number; undefined when it is not one. */
export function toE164(value: string): string | undefined {
  if (!PHONE_INPUT_PATTERN.test(value.trim())) return undefined;
  const digits = value.trim().replace(/[\s()-]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : undefined;
}

/** Why `value` is not an acceptable mobile number; undefined when it is. */
export function phoneProblem(value: string): string | undefined {
  return toE164(value) ? undefined : INVALID;
}
