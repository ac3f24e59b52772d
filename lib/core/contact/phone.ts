/**
 * Issue 9 item 3: the one place phone numbers are parsed, validated (type mobile) and normalised to
 * E.164. `+49 0151 1234567` (trunk zero after the country code) is `+4915112345678`, so it shares that
 * number's cooldown, daily cap and uniqueness.
 *
 * Issue 10 (bundle budget): the parse-and-validate path of libphonenumber-js (`parsePhoneNumberWithError(value,
 * metadata).isValid()` for a `+` number without default country) over the same generated metadata
 * (phone-metadata.ts, made by scripts/phone-metadata.ts from the library's mobile metadata), without the library
 * at run time (measured: −35 KB per bundle that validates phones). Inputs are limited to `+`, digits and
 * separators (PHONE_INPUT_PATTERN), so the library's text extraction, extensions and IDD prefixes never apply.
 * test/unit/core/contact/phone-oracle.test.ts holds the answers equal to the library's for every country.
 */
import { mobileMetadata } from './phone-metadata.js';
import { PHONE_INPUT_PATTERN } from './phone-pattern.js';

const INVALID = 'Use a mobile number in international format, e.g. +4915112345678.';

/** libphonenumber-js metadata v4: one numbering plan (a country's, or a non-geographic calling code's). */
type Plan = readonly unknown[];
const NATIONAL_PATTERN = 2;
const POSSIBLE_LENGTHS = 3;
const NATIONAL_PREFIX = 5;
const NATIONAL_PREFIX_FOR_PARSING = 7;
const NATIONAL_PREFIX_TRANSFORM_RULE = 8;
const LEADING_DIGITS = 10;
const TYPES = 11;
/** The types are, in order: fixed line, mobile, toll free, premium rate, personal, voicemail, UAN, pager, VoIP, shared cost. */
const MOBILE = 1;
const MIN_NATIONAL = 2;
const MAX_NATIONAL = 17;

interface Metadata {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, Plan>;
  nonGeographic?: Record<string, Plan>;
}

const regexps = new Map<string, RegExp>();
function re(source: string): RegExp {
  let found = regexps.get(source);
  if (!found) {
    found = new RegExp(source);
    regexps.set(source, found);
  }
  return found;
}
const matchesEntirely = (text: string, pattern: unknown) => re(`^(?:${pattern as string})$`).test(text);
const lengthsOf = (plan: Plan) => plan[POSSIBLE_LENGTHS] as number[] | undefined;

/** The countries sharing a calling code (none for a non-geographic one). */
function countriesOf(m: Metadata, callingCode: string): string[] | undefined {
  const codes = m.country_calling_codes[callingCode];
  return codes && !(codes.length === 1 && codes[0]!.length === 3) ? codes : undefined;
}

/** The plan a calling code selects before the country is known: its main country's, or the non-geographic one. */
function planOfCallingCode(m: Metadata, callingCode: string): Plan | undefined {
  const main = countriesOf(m, callingCode)?.[0];
  if (main) return m.countries[main];
  return m.nonGeographic?.[callingCode];
}

/**
 * Whether the number is a mobile number of the plan (a type's lengths default to the plan's). Only the mobile type:
 * the non-geographic plans also keep toll-free, premium-rate, shared-cost, UAN and VoIP types, and a code is never
 * sent to those (SMS pumping; review of issue 10, M1).
 */
function isMobile(plan: Plan, national: string): boolean {
  const types = plan[TYPES] as Array<[string, number[]?] | 0 | undefined> | 0 | undefined;
  if (!types || types.length === 0) return false;
  if (!matchesEntirely(national, plan[NATIONAL_PATTERN])) return false;
  const type = types[MOBILE];
  if (type === 0 || type === undefined || !type[0]) return false;
  const lengths = type[1] || lengthsOf(plan);
  if (lengths && !lengths.includes(national.length)) return false;
  return matchesEntirely(national, type[0]);
}

/** Which of the countries sharing a calling code a national number belongs to (leading digits, else its type). */
function countryOf(m: Metadata, callingCode: string, national: string): string | undefined {
  const countries = countriesOf(m, callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const country of countries) {
    const plan = m.countries[country]!;
    const leading = plan[LEADING_DIGITS] as string | undefined;
    if (leading) {
      if (national && national.search(leading) === 0) return country;
    } else if (isMobile(plan, national)) {
      return country;
    }
  }
  return undefined;
}

/** Whether a national number's length can be right (the library's "not TOO_SHORT and not INVALID_LENGTH"). */
function possibleLength(lengths: number[] | undefined, length: number): boolean {
  if (!lengths) return true;
  if (lengths[0]! > length) return false;
  if (lengths[0] === length || lengths[lengths.length - 1]! < length) return true; // exact, or too long (decided later)
  return lengths.indexOf(length, 1) >= 0;
}

/** The national number once the national (trunk) prefix is taken off, where the plan says it is one. */
function withoutNationalPrefix(m: Metadata, callingCode: string, plan: Plan, number: string): string {
  const forParsing = (plan[NATIONAL_PREFIX_FOR_PARSING] || plan[NATIONAL_PREFIX]) as string | undefined;
  if (!forParsing) return number;
  const prefix = re(`^(?:${forParsing})`);
  const match = prefix.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  const rule = plan[NATIONAL_PREFIX_TRANSFORM_RULE] as string | undefined;
  const national = rule && groups > 0 && match[groups] ? number.replace(prefix, rule) : number.slice(match[0].length);
  if (national === number) return number;
  // Not a prefix if the number was valid with it and is not without it; nor if what is left cannot be a number.
  if (matchesEntirely(number, plan[NATIONAL_PATTERN]) && !matchesEntirely(national, plan[NATIONAL_PATTERN])) return number;
  if (lengthsOf(plan)) {
    const country = countryOf(m, callingCode, national);
    const lengths = lengthsOf(country ? m.countries[country]! : plan);
    if (!possibleLength(lengths, national.length)) return number;
  }
  return national;
}

function parse(value: string): string | undefined {
  const text = value.trim();
  if (!PHONE_INPUT_PATTERN.test(text)) return undefined;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 3 || digits[0] === '0') return undefined;
  const m = mobileMetadata() as unknown as Metadata;
  let callingCode: string | undefined;
  for (let length = 1; length <= 3 && length < digits.length + 1; length++) {
    const candidate = digits.slice(0, length);
    if (countriesOf(m, candidate) || m.nonGeographic?.[candidate]) {
      callingCode = candidate;
      break;
    }
  }
  if (!callingCode) return undefined;
  const rest = digits.slice(callingCode.length);
  const plan = planOfCallingCode(m, callingCode);
  if (!rest || !plan) return undefined;
  const national = withoutNationalPrefix(m, callingCode, plan, rest);
  if (national.length < MIN_NATIONAL || national.length > MAX_NATIONAL) return undefined;
  const country = countryOf(m, callingCode, national);
  const selected = country ? m.countries[country]! : plan;
  // The metadata holds mobile patterns only: a valid number is a mobile one (or, where the plan cannot tell them
  // apart, as in +1, fixed line or mobile). Landlines and unknown ranges fail here.
  const types = selected[TYPES] as unknown[] | 0 | undefined;
  const valid = types && types.length > 0 ? isMobile(selected, national) : matchesEntirely(national, selected[NATIONAL_PATTERN]);
  return valid ? `+${callingCode}${national}` : undefined;
}

/** Why `value` is not an acceptable mobile number; undefined when it is. */
export function phoneProblem(value: string): string | undefined {
  return parse(value) ? undefined : INVALID;
}

/** The E.164 form of a valid mobile number; undefined when it is not one. */
export function toE164(value: string): string | undefined {
  return parse(value);
}

/**
 * Phone numbers are parsed, validated and normalised to E.164 in one place: the `phone` type of
 * lib/core/http/schemas.ts (above; issue 9 item 3). What reaches a use case is E.164
 * already; these only strip separators and check the shape (identifiers, stored values).
 */
export function normalizeMobile(mobile: string): string {
  return mobile.replace(/[\s()-]/g, '');
}

export function isE164(mobile: string): boolean {
  return /^\+[1-9]\d{7,14}$/.test(normalizeMobile(mobile));
}
