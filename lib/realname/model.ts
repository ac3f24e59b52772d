/**
 * The real-name area's data (issue 13, docs/I13 shared design): applications of six kinds, the account's real-name
 * state, queue rows. Certificate (registration) numbers are kept only as a keyed hash plus the last 4 characters.
 * Pure types and helpers.
 */
import type { Key } from '../core/store/keys.js';

export type ApplicationKind =
  | 'individual'
  | 'enterprise'
  | 'individual-owner'
  | 'individual-to-enterprise'
  | 'enterprise-entity'
  | 'enterprise-name';

/** What the account becomes on approval. */
export type AuthKind = 'individual' | 'enterprise';

export const FIRST_AUTH_KINDS = ['individual', 'enterprise'] as const satisfies readonly ApplicationKind[];
export const REAUTH_KINDS = [
  'individual-owner',
  'individual-to-enterprise',
  'enterprise-entity',
  'enterprise-name',
] as const satisfies readonly ApplicationKind[];

export function authKindOf(kind: ApplicationKind): AuthKind {
  return kind === 'individual' || kind === 'individual-owner' ? 'individual' : 'enterprise';
}

/** A first authentication (individual, enterprise) rather than a re-authentication (R-RA-*). */
export const isFirstAuthentication = (kind: ApplicationKind): boolean => kind === 'individual' || kind === 'enterprise';

export type CertificateType = 'passport' | 'id-card' | 'driver-license';
export const CERTIFICATE_TYPES = ['passport', 'id-card', 'driver-license'] as const satisfies readonly CertificateType[];

export interface IndividualDetails {
  certificateType: CertificateType;
  fullName: string;
  issuingCountry: string;
  certificateNumberHash: string;
  certificateNumberLast4: string;
}

export interface EnterpriseDetails {
  countryRegion: string;
  registeredAddress: string;
  enterpriseName: string;
  registrationNumberHash: string;
  registrationNumberLast4: string;
}

export type ApplicationStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export type ReasonCode = 'document-unreadable' | 'name-mismatch' | 'certificate-expired' | 'country-mismatch' | 'other';
/** The fixed list of rejection reasons (issue 13; also realNameConfig.rejectReasons). */
export const REASON_CODES = [
  'document-unreadable',
  'name-mismatch',
  'certificate-expired',
  'country-mismatch',
  'other',
] as const satisfies readonly ReasonCode[];

export interface Reason {
  code: ReasonCode;
  materialId?: string;
  note?: string;
}

export interface Decision {
  status: 'approved' | 'rejected';
  operatorId: string;
  at: string;
  reasons?: Reason[];
}

export interface RealNameApplication {
  pk: string;
  sk: string;
  applicationId: string;
  accountId: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  overdue?: true;
  /** R-RA-05: the billing cut-over time. */
  submittedAt: string;
  reviewDueBy: string;
  details: IndividualDetails | EnterpriseDetails;
  /** slot -> materialId (individual: certificatePage, holdingPhoto; enterprise: certificate; re-authentication kinds add theirs). */
  materials: Record<string, string>;
  /** A `reauth-form` material: the R-RA-01 form, the R-RA-03 stamped form, the R-RA-04 statement of commitment. */
  applicationForm?: string;
  decision?: Decision;
  version: number;
}

export interface ApprovedAuth {
  kind: AuthKind;
  details: IndividualDetails | EnterpriseDetails;
  applicationId: string;
  approvedAt: string;
  submittedAt: string;
  /** R-RN-07 / R-RA-06: a member's authentication synchronized from its enterprise master's. */
  syncedFromAccountId?: string;
}

/** The account's real-name state item (keys.realNameState). */
export interface RealNameState {
  accountId: string;
  current?: ApprovedAuth;
  lastDecision?: Decision & { applicationId: string; kind: ApplicationKind };
  /** The materials the last rejection refused (they may not be used again). */
  rejectedMaterialIds?: string[];
  firstEnterpriseAuthAt?: string;
  version: number;
}

/** What the account item carries while an application is pending (the one-pending pointer, read by the lifecycle hook). */
export interface RealNamePending {
  applicationId: string;
  submittedAt: string;
  reviewDueBy: string;
}

/** A row of an operators' queue (`pending` by submittedAt, `overdue` by reviewDueBy). */
export interface QueueRow extends Key {
  applicationId: string;
  accountId: string;
  kind: ApplicationKind;
  submittedAt: string;
  reviewDueBy: string;
  overdue?: true;
  /** When the scheduler marked it overdue (an overdue-first walk tells rows marked before it from rows marked during it). */
  overdueAt?: string;
}

export const REVIEW_DUE_KIND = 'realname-review-due';
/** R-RN-07: the master→member sync of an approval, until every member is done (issue 13 review R2 item 9). */
export const MEMBER_SYNC_DUE_KIND = 'realname-member-sync';

export const isIndividualDetails = (d: IndividualDetails | EnterpriseDetails): d is IndividualDetails => 'certificateType' in d;

/**
 * The last 4 characters of a number as shown (normalised like the hash: no spaces or hyphens, upper case); empty
 * when the number has no more than 4 (they would be the whole number; the routes require at least 6).
 */
export function last4(number: string): string {
  const normalised = number
    .normalize('NFKC')
    .replace(/[\s-]+/g, '')
    .toUpperCase();
  return normalised.length > 4 ? normalised.slice(-4) : '';
}

/** The details as customers and operators see them: names and last 4 characters, never the hashes. */
export function shownDetails(details: IndividualDetails | EnterpriseDetails) {
  if (isIndividualDetails(details)) {
    const { certificateNumberHash: _h, ...shown } = details;
    return shown;
  }
  const { registrationNumberHash: _h, ...shown } = details;
  return shown;
}
