import { describe, expect, it } from 'vitest';
import { REAUTH_SPECS, type ReauthFacts, type ReauthKind, reauthFailures } from '../../../lib/realname/reauth-rules.js';

const base = (kind: ReauthKind): ReauthFacts => ({
  kind,
  currentKind: REAUTH_SPECS[kind].from,
  pending: false,
  overduePayments: false,
  kooGallerySeller: false,
  partnerProgram: false,
  accountCountry: 'DE',
  certificateCountry: 'DE',
  sameRegistrationNumber: kind === 'enterprise-name',
  sameEnterpriseName: false,
  invitationOpen: false,
  sharesMasterAuthentication: false,
});

describe('re-authentication conditions as one table (issue 13 item 2)', () => {
  const cases: Array<[string, ReauthKind, Partial<ReauthFacts>, string[]]> = [
    ['R-RA-01: an individual owner change of an individual passes', 'individual-owner', {}, []],
    ['R-RA-01: refused in arrears', 'individual-owner', { overduePayments: true }, ['arrears']],
    ['R-RA-01: only from an individual authentication', 'individual-owner', { currentKind: 'enterprise' }, ['reauth-kind']],
    [
      'R-RA-01, R-RN-05: a partner-program account cannot become another individual',
      'individual-owner',
      { partnerProgram: true },
      ['partner-program'],
    ],
    [
      'R-RA-01, R-RN-06: the new owner certificate of another country',
      'individual-owner',
      { certificateCountry: 'FR' },
      ['country-mismatch'],
    ],
    ['R-RA-01: a KooGallery seller may change the owner', 'individual-owner', { kooGallerySeller: true }, []],
    ['R-RA-02: individual → enterprise passes', 'individual-to-enterprise', {}, []],
    ['R-RA-02: arrears do not refuse it', 'individual-to-enterprise', { overduePayments: true }, []],
    ['R-RA-02: a partner-program account may become an enterprise', 'individual-to-enterprise', { partnerProgram: true }, []],
    ['R-RA-02: only from an individual authentication', 'individual-to-enterprise', { currentKind: 'enterprise' }, ['reauth-kind']],
    [
      'R-RA-02, R-RN-06: an enterprise registered elsewhere',
      'individual-to-enterprise',
      { certificateCountry: 'FR' },
      ['country-mismatch'],
    ],
    ['R-RA-03: an entity change passes', 'enterprise-entity', {}, []],
    ['R-RA-03: refused in arrears', 'enterprise-entity', { overduePayments: true }, ['arrears']],
    ['R-RA-03: refused for KooGallery sellers', 'enterprise-entity', { kooGallerySeller: true }, ['koogallery-seller']],
    ['R-RA-03: only from an enterprise authentication', 'enterprise-entity', { currentKind: 'individual' }, ['reauth-kind']],
    ['R-RA-04: a name change passes', 'enterprise-name', {}, []],
    [
      'R-RA-04: the registration number cannot change',
      'enterprise-name',
      { sameRegistrationNumber: false },
      ['registration-number-changed'],
    ],
    ['R-RA-04: the name must change', 'enterprise-name', { sameEnterpriseName: true }, ['name-unchanged']],
    ['R-RA-04: arrears and KooGallery do not refuse it', 'enterprise-name', { overduePayments: true, kooGallerySeller: true }, []],
    [
      'R-RA-04: only from an enterprise authentication',
      'enterprise-name',
      { currentKind: 'individual', sameRegistrationNumber: false },
      ['reauth-kind'],
    ],
    [
      'R-RA-06: an open enterprise invitation refuses every kind',
      'enterprise-name',
      { invitationOpen: true },
      ['enterprise-invitation-open'],
    ],
    ['R-RA-06: as it does an owner change', 'individual-owner', { invitationOpen: true }, ['enterprise-invitation-open']],
    [
      'R-RA-06: a member sharing its master’s authentication',
      'enterprise-entity',
      { sharesMasterAuthentication: true },
      ['master-reauthenticates'],
    ],
    ['not authenticated: use a first application', 'individual-owner', { currentKind: undefined }, ['not-authenticated']],
    ['one pending application at a time', 'enterprise-entity', { pending: true }, ['application-pending']],
    [
      'every failed condition is listed',
      'enterprise-entity',
      {
        pending: true,
        overduePayments: true,
        kooGallerySeller: true,
        certificateCountry: 'FR',
        invitationOpen: true,
        sharesMasterAuthentication: true,
      },
      ['application-pending', 'arrears', 'koogallery-seller', 'country-mismatch', 'enterprise-invitation-open', 'master-reauthenticates'],
    ],
  ];
  it.each(cases)('%s', (_name, kind, facts, expected) => {
    const failures = reauthFailures({ ...base(kind), ...facts });
    expect(failures.map((f) => f.condition)).toEqual(expected);
    for (const f of failures) expect(f.message.length).toBeGreaterThan(10);
  });

  it('R-RA-01..04: the slots and forms of each kind (seed 003 §4.4)', () => {
    const table = Object.fromEntries(
      Object.entries(REAUTH_SPECS).map(([kind, s]) => [
        kind,
        {
          from: s.from,
          to: s.to,
          slots: s.slots.map((x) => `${x.slot}:${x.purpose}${x.optional ? '?' : ''}`),
          form: s.form.fileTypes ?? 'any',
          trace: s.traceName,
        },
      ]),
    );
    expect(table).toEqual({
      'individual-owner': {
        from: 'individual',
        to: 'individual',
        slots: [
          'certificatePage:real-name-individual',
          'holdingPhoto:real-name-individual',
          'previousOwnerCertificate:real-name-individual',
        ],
        form: ['pdf'],
        trace: 'changeIndividualAuthInfo',
      },
      'individual-to-enterprise': {
        from: 'individual',
        to: 'enterprise',
        slots: [
          'certificateFront:real-name-enterprise',
          'certificateBack:real-name-enterprise',
          'ownerHoldingPassportVisaPage:real-name-individual',
          'ownerHoldingPassportInfoPage:real-name-individual',
        ],
        form: 'any',
        trace: 'reauthWithEnterpriseInfo',
      },
      'enterprise-entity': {
        from: 'enterprise',
        to: 'enterprise',
        slots: ['certificate:real-name-enterprise', 'previousCertificate:real-name-enterprise'],
        form: 'any',
        trace: 'changeEnterpriseEntity',
      },
      'enterprise-name': {
        from: 'enterprise',
        to: 'enterprise',
        slots: ['certificate:real-name-enterprise', 'supporting:reauth-form?'],
        form: 'any',
        trace: 'changeEnterpriseName',
      },
    });
  });
});
