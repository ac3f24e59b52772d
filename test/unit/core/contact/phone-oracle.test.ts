/**
 * Issue 10 (bundle budget): lib/core/contact/phone.ts validates phone numbers over the generated metadata without
 * the libphonenumber-js runtime. The library stays a devDependency as the metadata's generator and as the oracle
 * here: for every country and non-geographic calling code, generated inputs (the library's example mobiles,
 * their neighbours, random digits of the plan's lengths, other leading digits as landlines, spaces, hyphens and
 * brackets, with and without the trunk prefix after the country code) get from `toE164` and `phoneProblem` exactly
 * what the library's `parsePhoneNumberWithError(value, metadata).isValid()` / `.number` give (the code phone.ts had).
 */
import fc from 'fast-check';
import { parsePhoneNumberWithError } from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import { describe, expect, it } from 'vitest';
import { phoneProblem, toE164 } from '../../../../lib/core/contact/phone.js';
import { mobileMetadata } from '../../../../lib/core/contact/phone-metadata.js';
import { PHONE_INPUT_PATTERN } from '../../../../lib/core/contact/phone-pattern.js';

const INVALID = 'Use a mobile number in international format, e.g. +4915112345678.';

/** phone.ts as it was with libphonenumber-js (issue 9 item 3). */
function oracle(value: string): string | undefined {
  if (!PHONE_INPUT_PATTERN.test(value.trim())) return undefined;
  try {
    const number = parsePhoneNumberWithError(value.trim(), mobileMetadata());
    // Issue 10 review M1: a mobile number only. The non-geographic plans also keep toll-free, premium-rate, shared-cost,
    // UAN and VoIP types, which are refused; a plan the mobile metadata keeps without types (e.g. TA) stays as it was.
    const type = number.getType();
    const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' || type === undefined;
    return number.isValid() && mobile ? number.number : undefined;
  } catch {
    return undefined;
  }
}

const metadata = mobileMetadata() as unknown as {
  countries: Record<string, unknown[]>;
  nonGeographic: Record<string, unknown[]>;
};
const plans: Array<[string, unknown[]]> = [
  ...Object.entries(metadata.countries),
  ...Object.entries(metadata.nonGeographic).map(([code, plan]) => [`+${code}`, plan] as [string, unknown[]]),
];
const exampleOf = (name: string) => (examples as Record<string, string>)[name];

/** A national number for the plan: the example mobile, one like it, random digits, another leading digit. */
function nationalNumber(name: string, plan: unknown[]): fc.Arbitrary<string> {
  const lengths = (plan[3] as number[] | undefined) ?? [8];
  const example = exampleOf(name);
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const random = fc.constantFrom(...lengths, lengths[0]! - 1, lengths[lengths.length - 1]! + 1).chain((n) => digits(Math.max(1, n)));
  if (!example) return random;
  return fc.oneof(
    fc.constant(example),
    fc
      .integer({ min: 1, max: Math.min(4, example.length) })
      .chain((keep) => digits(example.length - keep).map((tail) => example.slice(0, keep) + tail)),
    fc.integer({ min: 0, max: 9 }).map((first) => `${first}${example.slice(1)}`),
    random.map((r) => example.slice(0, 2) + r),
    random,
  );
}

/** `+<code> <national>` with separators; sometimes the trunk prefix (bare or bracketed) after the country code. */
function typed(name: string, plan: unknown[]): fc.Arbitrary<string> {
  const code = plan[0] as string;
  const trunk = (plan[5] as string | undefined) || '0';
  return fc
    .tuple(
      nationalNumber(name, plan),
      fc.constantFrom('', trunk, `(${trunk})`, '0', '00'),
      fc.array(fc.constantFrom('', '', ' ', '-', '(', ')'), { minLength: 20, maxLength: 20 }),
    )
    .map(([national, prefix, separators]) => {
      const body = [...`${prefix}${national}`].map((d, i) => d + separators[i % separators.length]).join('');
      return `+${code}${separators[19] === ' ' ? ' ' : ''}${body}`;
    });
}

describe('issue 10: phone validation without the libphonenumber-js runtime answers as the library does', () => {
  it.each(plans.map(([name, plan]) => [name, plan] as const))(
    '%s: toE164 and phoneProblem equal the library on generated inputs',
    (name, plan) => {
      fc.assert(
        fc.property(typed(name, plan), (value) => {
          const want = oracle(value);
          expect(toE164(value), value).toBe(want);
          expect(phoneProblem(value), value).toBe(want ? undefined : INVALID);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('every example mobile of the library is valid, typed plainly and with the trunk prefix', () => {
    let valid = 0;
    for (const [name, plan] of plans) {
      const example = exampleOf(name);
      if (!example) continue;
      for (const value of [`+${plan[0]}${example}`, `+${plan[0]} ${plan[5] ?? ''}${example}`]) {
        expect(toE164(value), value).toBe(oracle(value));
      }
      if (toE164(`+${plan[0]}${example}`)) valid += 1;
    }
    expect(valid).toBeGreaterThan(200);
  });

  it('any typed text answers as the library does', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+[0-9][0-9 ()-]{6,22}$/), fc.string(), (typedNumber, other) => {
        for (const value of [typedNumber, other, ` ${typedNumber} `]) expect(toE164(value), value).toBe(oracle(value));
      }),
      { numRuns: 5000 },
    );
  });
});
