/**
 * Re-authentication (issue 13 item 2, R-RA-01..06) as data: per kind, what the account must be authenticated as now,
 * the material slots and their purposes, the application form, the audit trace; and the refusal conditions over
 * facts, each naming what to do (core/checks/conditions). Pure.
 */
import type { TraceName } from '../core/audit/audit.js';
import { type Condition, evaluate } from '../core/checks/conditions.js';
import type { Failure } from '../core/errors.js';
import type { AuthKind } from './model.js';

export type ReauthKind = 'individual-owner' | 'individual-to-enterprise' | 'enterprise-entity' | 'enterprise-name';
type Purpose = 'real-name-individual' | 'real-name-enterprise' | 'reauth-form';

export interface ReauthSlot {
  slot: string;
  purpose: Purpose;
  optional?: true;
}

export interface ReauthSpec {
  rule: string;
  /** The authentication in force the kind changes (R-RA-01..04). */
  from: AuthKind;
  /** What the account is authenticated as on approval. */
  to: AuthKind;
  slots: readonly ReauthSlot[];
  /** The `reauth-form` material (always required); `fileTypes` narrows it (R-RA-01: PDF only). */
  form: { what: string; fileTypes?: readonly string[] };
  /** R-RA-01, R-RA-03: refused while payments are overdue. */
  noArrears: boolean;
  /** R-RA-03: refused for KooGallery sellers. */
  noKooGallerySeller: boolean;
  traceName: TraceName;
}

export const REAUTH_SPECS: Readonly<Record<ReauthKind, ReauthSpec>> = {
  // R-RA-01 (seed 003 §4.4.2): the new owner's certificate and holding photo, the old owner's certificate, a PDF form.
  'individual-owner': {
    rule: 'R-RA-01',
    from: 'individual',
    to: 'individual',
    slots: [
      { slot: 'certificatePage', purpose: 'real-name-individual' },
      { slot: 'holdingPhoto', purpose: 'real-name-individual' },
      { slot: 'previousOwnerCertificate', purpose: 'real-name-individual' },
    ],
    form: { what: 'the application form (PDF)', fileTypes: ['pdf'] },
    noArrears: true,
    noKooGallerySeller: false,
    traceName: 'changeIndividualAuthInfo',
  },
  // R-RA-02 (seed 003 §4.4.3): the enterprise certificate (both sides), the owner holding the passport pages, the signed form.
  'individual-to-enterprise': {
    rule: 'R-RA-02',
    from: 'individual',
    to: 'enterprise',
    slots: [
      { slot: 'certificateFront', purpose: 'real-name-enterprise' },
      { slot: 'certificateBack', purpose: 'real-name-enterprise' },
      { slot: 'ownerHoldingPassportVisaPage', purpose: 'real-name-individual' },
      { slot: 'ownerHoldingPassportInfoPage', purpose: 'real-name-individual' },
    ],
    form: { what: 'the application form signed by both parties' },
    noArrears: false,
    noKooGallerySeller: false,
    traceName: 'reauthWithEnterpriseInfo',
  },
  // R-RA-03: the new and the previous entity's certificates, the form stamped by both.
  'enterprise-entity': {
    rule: 'R-RA-03',
    from: 'enterprise',
    to: 'enterprise',
    slots: [
      { slot: 'certificate', purpose: 'real-name-enterprise' },
      { slot: 'previousCertificate', purpose: 'real-name-enterprise' },
    ],
    form: { what: 'the application form stamped by both enterprises' },
    noArrears: true,
    noKooGallerySeller: true,
    traceName: 'changeEnterpriseEntity',
  },
  // R-RA-04: the certificate with the new name, optional supporting documents (PDF or images), the statement of commitment.
  'enterprise-name': {
    rule: 'R-RA-04',
    from: 'enterprise',
    to: 'enterprise',
    slots: [
      { slot: 'certificate', purpose: 'real-name-enterprise' },
      { slot: 'supporting', purpose: 'reauth-form', optional: true },
    ],
    form: { what: 'the statement of commitment' },
    noArrears: false,
    noKooGallerySeller: false,
    traceName: 'changeEnterpriseName',
  },
};

export interface ReauthFacts {
  kind: ReauthKind;
  /** The kind of the authentication in force (undefined: none). */
  currentKind?: AuthKind;
  pending: boolean;
  overduePayments: boolean;
  kooGallerySeller: boolean;
  partnerProgram: boolean;
  accountCountry: string;
  /** The new certificate's issuing country / the new enterprise's registered country. */
  certificateCountry: string;
  /** R-RA-04: the registration number given equals the one in force (hash compare). */
  sameRegistrationNumber: boolean;
  /** R-RA-04: the enterprise name given equals the one in force. */
  sameEnterpriseName: boolean;
  /** R-RA-06: an unaccepted, unexpired enterprise invitation the account sent (as master) or received. */
  invitationOpen: boolean;
  /** R-RA-06: the account is a member whose authentication in force is its master's enterprise authentication. */
  sharesMasterAuthentication: boolean;
}

type Group = 'reauth';
const authenticated = (f: ReauthFacts) => f.currentKind !== undefined;
const rightKind = (f: ReauthFacts) => f.currentKind === REAUTH_SPECS[f.kind].from;

export const REAUTH_CONDITIONS: readonly Condition<ReauthFacts, Group>[] = [
  {
    condition: 'not-authenticated',
    group: 'reauth',
    fails: (f) => !authenticated(f),
    message: 'Only an authenticated account can change its authentication; apply with POST /v1/real-name/applications.',
  },
  {
    condition: 'reauth-kind',
    group: 'reauth',
    fails: (f) => authenticated(f) && !rightKind(f),
    message: (f) => `This change needs a current ${REAUTH_SPECS[f.kind].from} authentication (${REAUTH_SPECS[f.kind].rule}).`,
  },
  {
    condition: 'application-pending',
    group: 'reauth',
    fails: (f) => f.pending,
    message: 'An application is already under review; wait for the decision or withdraw it first.',
  },
  {
    condition: 'arrears',
    group: 'reauth',
    fails: (f) => REAUTH_SPECS[f.kind].noArrears && f.overduePayments,
    message: (f) => `Pay the overdue amounts first (${REAUTH_SPECS[f.kind].rule}: no arrears).`,
  },
  {
    condition: 'koogallery-seller',
    group: 'reauth',
    fails: (f) => REAUTH_SPECS[f.kind].noKooGallerySeller && f.kooGallerySeller,
    message: 'KooGallery sellers cannot change the enterprise entity (R-RA-03); contact KooGallery support.',
  },
  {
    condition: 'partner-program',
    group: 'reauth',
    fails: (f) => REAUTH_SPECS[f.kind].to === 'individual' && f.partnerProgram,
    message: 'Accounts in a partner program can only be authenticated as an enterprise (R-RN-05).',
  },
  {
    condition: 'country-mismatch',
    group: 'reauth',
    fails: (f) => f.certificateCountry !== f.accountCountry,
    message: (f) =>
      REAUTH_SPECS[f.kind].to === 'individual'
        ? "The certificate's issuing country must be the account's country/region (R-RN-06)."
        : "The enterprise's registered country/region must be the account's country/region (R-RN-06).",
  },
  {
    condition: 'registration-number-changed',
    group: 'reauth',
    fails: (f) => f.kind === 'enterprise-name' && rightKind(f) && !f.sameRegistrationNumber,
    message: 'A name change keeps the registration number (R-RA-04); to change the entity use kind `enterprise-entity`.',
  },
  {
    condition: 'name-unchanged',
    group: 'reauth',
    fails: (f) => f.kind === 'enterprise-name' && rightKind(f) && f.sameEnterpriseName,
    message: 'The enterprise name given is the one in force (R-RA-04); give the new name.',
  },
  {
    condition: 'enterprise-invitation-open',
    group: 'reauth',
    fails: (f) => f.invitationOpen,
    message: 'An enterprise invitation is waiting for an answer (R-RA-06); accept, reject or cancel it first.',
  },
  {
    condition: 'master-reauthenticates',
    group: 'reauth',
    fails: (f) => f.sharesMasterAuthentication,
    message:
      "The account shares its master's enterprise authentication (R-RA-06): only the master can change it, and the change applies to the member.",
  },
];

/** The failed re-authentication conditions (empty: the change may be submitted). */
export function reauthFailures(facts: ReauthFacts): Failure[] {
  return evaluate(REAUTH_CONDITIONS, facts, ['reauth']).groups.flatMap((g) => g.failures);
}
