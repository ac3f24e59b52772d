import { describe, expect, it } from 'vitest';
import { type SubmissionFacts, materialFailures, materialSlotProblem, submissionFailures } from '../../../lib/realname/rules.js';

const base: SubmissionFacts = {
  authKind: 'individual',
  authenticated: false,
  pending: false,
  partnerProgram: false,
  accountType: 'unset',
  accountCountry: 'DE',
  certificateCountry: 'DE',
};

describe('real-name submission conditions (issue 13 item 1)', () => {
  const cases: Array<[string, Partial<SubmissionFacts>, string[]]> = [
    ['an unset individual applying as an individual passes', {}, []],
    ['an unset account may apply as an enterprise', { authKind: 'enterprise' }, []],
    ['R-AI-05: an individual account may apply as an enterprise', { authKind: 'enterprise', accountType: 'individual' }, []],
    ['R-AI-05: an enterprise account may not apply as an individual', { accountType: 'enterprise' }, ['account-type']],
    ['R-AI-05: an enterprise account may apply as an enterprise', { authKind: 'enterprise', accountType: 'enterprise' }, []],
    ['already authenticated → re-authentication instead', { authenticated: true }, ['already-authenticated']],
    ['one pending application at a time', { pending: true }, ['application-pending']],
    ['R-RN-05: a partner-program account may not apply as an individual', { partnerProgram: true }, ['partner-program']],
    ['R-RN-05: a partner-program account may apply as an enterprise', { partnerProgram: true, authKind: 'enterprise' }, []],
    ['R-RN-06: an individual certificate issued elsewhere is refused', { certificateCountry: 'FR' }, ['country-mismatch']],
    ['R-RN-06: an enterprise registered elsewhere is refused', { authKind: 'enterprise', certificateCountry: 'FR' }, ['country-mismatch']],
    [
      'R-RN-01: a driver licence issued in the Chinese mainland is refused',
      { certificateType: 'driver-license', accountCountry: 'CN', certificateCountry: 'CN' },
      ['chinese-driver-license'],
    ],
    ['R-RN-01: a driver licence issued elsewhere is accepted', { certificateType: 'driver-license' }, []],
    [
      'R-RN-01: a passport issued in the Chinese mainland is accepted',
      { certificateType: 'passport', accountCountry: 'CN', certificateCountry: 'CN' },
      [],
    ],
    [
      'every failed condition is listed',
      { authenticated: true, pending: true, partnerProgram: true, certificateCountry: 'FR', accountType: 'enterprise' },
      ['already-authenticated', 'application-pending', 'partner-program', 'country-mismatch', 'account-type'],
    ],
  ];
  it.each(cases)('%s', (_name, facts, expected) => {
    const failures = submissionFailures({ ...base, ...facts });
    expect(failures.map((f) => f.condition)).toEqual(expected);
    for (const f of failures) expect(f.message.length).toBeGreaterThan(10);
  });
});

describe('real-name material slots (issue 13 item 1, R-RN-02, R-SEC-05)', () => {
  const expect_ = { purpose: 'real-name-individual', refused: ['m-refused'] };
  const verified = { purpose: 'real-name-individual', status: 'verified', fileType: 'png' };
  const cases: Array<[string, string, Parameters<typeof materialSlotProblem>[2], string | undefined, { fileTypes?: string[] }?]> = [
    ['a verified material of the right purpose is usable', 'm1', verified, undefined],
    ["another account's or no material is missing", 'm1', undefined, 'missing'],
    ['an unverified material is refused', 'm1', { ...verified, status: 'awaiting-upload' }, 'unverified'],
    ['a material of another purpose is refused', 'm1', { ...verified, purpose: 'real-name-enterprise' }, 'wrong-purpose'],
    ['a material the last rejection refused is refused', 'm-refused', verified, 'refused'],
    ['a slot limited to PDF refuses a PNG', 'm1', verified, 'wrong-type', { fileTypes: ['pdf'] }],
  ];
  it.each(cases)('%s', (_name, id, material, problem, extra) => {
    const found = materialSlotProblem('certificatePage', id, material, { ...expect_, ...extra });
    expect(found?.problem).toBe(problem);
    if (found) expect(materialFailures([found])[0]).toMatchObject({ condition: 'material-invalid', slot: 'certificatePage' });
  });
});
