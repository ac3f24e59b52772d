/**
 * Issue 9 item 3: every phone field is parsed, validated (type mobile) and normalised to E.164 by the one
 * shared `phone` type (libphonenumber-js). `+49 0151…` (trunk zero after the country code) is the same
 * number as `+49151…`: the same E.164, so the same cooldown and daily cap; landlines and invalid
 * numbers are refused with 400 on every route that takes a phone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phone } from '../../../../lib/core/http/schemas.js';
import { compactMetadataSource } from '../../../../scripts/lib/phone-metadata.js';
import { freshIp, requestCode, signUp } from '../../../support/identity.js';

const normalised: Array<[string, string, string]> = [
  ['trunk zero after the country code', '+49 0151 12345678', '+4915112345678'],
  ['trunk zero in brackets, with separators', '+49 (0)151 1234-5678', '+4915112345678'],
  ['already E.164', '+4915112345678', '+4915112345678'],
  ['spaces only', '+49 151 12345678', '+4915112345678'],
  ['China, trunk zero', '+86 0138 0013 8000', '+8613800138000'],
  ['Italy mobile (no trunk prefix)', '+39 312 345 6789', '+393123456789'],
];

const refused: Array<[string, string]> = [
  ['a German landline (Berlin)', '+49 30 1234567'],
  ['an Italian landline', '+39 06 1234 5678'],
  ['too short for the plan', '+49 151 1234'],
  ['no country code', '0151 12345678'],
  ['an unassigned country code', '+999 1234 5678'],
  ['letters', '+49 151 CALL ME'],
  // Issue 10 review M1: numbers no SMS code is sent to (SMS pumping / toll fraud).
  ['an international toll-free number', '+800 1234 5678'],
  ['an international shared-cost number', '+808 1234 5678'],
  ['an international premium-rate number', '+979 1234 56789'],
];

describe('issue 9 item 3: the shared phone type', () => {
  it.each(normalised)('%s: %s is %s', (_label, input, e164) => {
    expect(phone.parse(input)).toBe(e164);
  });

  it.each(refused)('%s (%s) is refused', (_label, input) => {
    expect(phone.safeParse(input).success).toBe(false);
  });
});

describe('issue 9 item 3 R-VC-04: the trunk-zero variant is the same number', () => {
  const mobile = () => `+49151${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  it('a code to `+49 0151…` right after one to `+49151…` is inside the same cooldown: 429', async () => {
    const { token } = await signUp();
    const number = mobile();
    const first = await requestCode({ purpose: 'new-mobile', channel: 'sms', destination: number }, { token, sourceIp: freshIp() });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const variant = `+49 0${number.slice(3, 6)} ${number.slice(6)}`;
    const second = await requestCode({ purpose: 'new-mobile', channel: 'sms', destination: variant }, { token, sourceIp: freshIp() });
    expect(second.status, JSON.stringify(second.body)).toBe(429);
  });

  it.each(refused)('%s (%s) as a new mobile: 400 naming the destination', async (_label, input) => {
    const { token } = await signUp();
    const res = await requestCode({ purpose: 'new-mobile', channel: 'sms', destination: input }, { token, sourceIp: freshIp() });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('body.destination');
  });
});

describe('issue 9 item 3: the compact phone metadata is current', () => {
  it('lib/core/contact/phone-metadata.ts is what scripts/phone-metadata.ts makes from the installed libphonenumber-js', () => {
    expect(
      readFileSync('lib/core/contact/phone-metadata.ts', 'utf8') === compactMetadataSource(),
      'run `npx tsx scripts/phone-metadata.ts`',
    ).toBe(true);
  });
});
