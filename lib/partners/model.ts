/** The partners area's items (issue 11; the data model table of docs/DESIGN.md "Partners"). Pure types. */
import type { IndexExtras } from './customer-index.js';

export type PartnerModel = 'reseller' | 'referral';
export const PARTNER_MODELS = ['reseller', 'referral'] as const satisfies readonly PartnerModel[];

/** The enrolled account is the administrator; it adds account managers (R-PD-04). */
export type StaffRole = 'administrator' | 'account-manager';

/** How customers reach the partner (shown to them). */
export interface PartnerContact {
  name?: string;
  email?: string;
  phone?: string;
}

export interface Partner {
  partnerId: string;
  adminAccountId: string;
  name: string;
  contacts: PartnerContact[];
  /** R-PD-08: the partner's protection code is required for disassociations when on. */
  verificationProtection: boolean;
  enrolledAt: string;
  /** The operator who enrolled the partner. */
  enrolledBy: string;
}

/** An account's membership of a partner organisation (at most one per account). */
export interface StaffClaim {
  partnerId: string;
  role: StaffRole;
}

export interface Staff extends StaffClaim {
  accountId: string;
}

export interface Member {
  accountId: string;
  role: StaffRole;
  addedAt: string;
}

export interface Invitation {
  invitationId: string;
  partnerId: string;
  model: PartnerModel;
  /** Keyed hash of the token's secret part; the token itself is never stored. */
  secretHash: string;
  createdAt: string;
  expiresAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

export interface Budget {
  monthlyBudget: number;
  currency: string;
  setAt: string;
  setBy: string;
}

/** A customer's association with a partner: the single source of truth (history lives in the association log). */
export interface Association {
  partnerId: string;
  customerId: string;
  model: PartnerModel;
  /** R-PA-05: cash coupons pay only orders created before this time. */
  associatedAt: string;
  invitationId: string;
  /** R-PA-04: a reseller customer is frozen until the partner sets a monthly budget. */
  frozen: boolean;
  budget?: Budget;
  /** R-PA-06: the customer authorized the partner to act on its behalf. */
  authorized: boolean;
  authorizedAt?: string;
  /** R-PA-06: when the customer last granted or revoked the authorization (absent: never changed since association). */
  authorizationChangedAt?: string;
  accountManagerId?: string;
  customerName: string;
  /** The customer's account (tenant) name, normalised, as of the last association change: written into every log entry (R-PD-07 search). */
  customerAccount?: string;
  /** The partner's tags on the customer (R-PD-10 search; seen only by the partner). */
  tags?: string[];
  /**
   * The customer's mobile hash and account names as of the last association change: the customer-list index rows
   * (lib/partners/customer-index.ts) are computed from the association and these, so a later change can delete them.
   */
  indexExtras?: IndexExtras;
  version: number;
}
