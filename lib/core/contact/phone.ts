/**
 * Issue 9 item 3: the one place phone numbers are parsed, validated (type mobile) and normalised to
 * E.164, with libphonenumber-js. `+49 0151 1234567` (trunk zero after the country code) is
 * `+4915112345678`, so it shares that number's cooldown, daily cap and uniqueness.
 */
import { parsePhoneNumberWithError } from 'libphonenumber-js/core';
import { mobileMetadata } from './phone-metadata.js';

import { PHONE_INPUT_PATTERN } from './phone-pattern.js';

const INVALID = 'Use a mobile number in international format, e.g. +4915112345678.';

function parse(value: string) {
  if (!PHONE_INPUT_PATTERN.test(value.trim())) return undefined;
  try {
    const number = parsePhoneNumberWithError(value.trim(), mobileMetadata());
    // The metadata holds mobile patterns only: a valid number is a mobile one (or, where the plan
    // cannot tell them apart, as in +1, fixed line or mobile). Landlines and unknown ranges fail here.
    return number.isValid() ? number : undefined;
  } catch {
    return undefined;
  }
}

/** Why `value` is not an acceptable mobile number; undefined when it is. */
export function phoneProblem(value: string): string | undefined {
  return parse(value) ? undefined : INVALID;
}

/** The E.164 form of a valid mobile number; undefined when it is not one. */
export function toE164(value: string): string | undefined {
  return parse(value)?.number;
}

/**
 * Phone numbers are parsed, validated and normalised to E.164 in one place: the `phone` type of
 * lib/core/http/schemas.ts (libphonenumber-js, above; issue 9 item 3). What reaches a use case is E.164
 * already; these only strip separators and check the shape (identifiers, stored values).
 */
export function normalizeMobile(mobile: string): string {
  return mobile.replace(/[\s()-]/g, '');
}

export function isE164(mobile: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(normalizeMobile(mobile));
}
