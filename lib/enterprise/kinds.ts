/** The two-party request kinds of the enterprise area (lib/core/handshake/machine.ts runs them), issue 12. */
import { enterpriseConfig } from '../core/config.js';
import type { HandshakeKind } from '../core/handshake/machine.js';

/**
 * R-MM-01, R-MM-07: the master invites, the invited account accepts or rejects; one open invitation per invited
 * account whoever invites (two masters racing: one open).
 */
export const ENTERPRISE_INVITATION: HandshakeKind = {
  kind: 'enterprise-invitation',
  roles: ['master', 'member'],
  initiators: ['master'],
  expirySeconds: enterpriseConfig.invitationTtlSeconds,
  oneOpenPer: 'counterparty',
};

/** R-MM-01..03: the master requests, the member agrees or rejects; one open request per pair. */
export const ENTERPRISE_DISASSOCIATION: HandshakeKind = {
  kind: 'enterprise-disassociation',
  roles: ['master', 'member'],
  initiators: ['master'],
  expirySeconds: enterpriseConfig.disassociationRequestTtlSeconds,
  oneOpenPer: 'pair',
};

/** R-MM-08: what a master may ask of a member. */
export const PERMISSIONS = ['view-bills', 'manage-budgets', 'issue-invoices'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** R-MM-06. */
export const ACCOUNTING_MODES = ['unified', 'independent'] as const;
export type AccountingMode = (typeof ACCOUNTING_MODES)[number];

/** R-MM-04: what association means for the member, shown before it accepts (seed 003 §7 "Impacts"). */
export const MEMBER_IMPACTS: readonly string[] = [
  'The master account will pay your expenditures and request invoices for you.',
  'The master account can view and manage your expenditures, and allocate budgets to you.',
  'Your cash balance can no longer be used to purchase cloud services, but it can be withdrawn.',
  'Your existing cash coupons can only be used to pay for the expenditure generated before association and any remaining will be unusable during the association.',
  'Your account will be suspended if the master account is suspended.',
];
