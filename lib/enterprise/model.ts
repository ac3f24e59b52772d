/** The enterprise area's items (issue 12; keys in lib/core/store/key-builders.ts, access in ./store.ts). */
import type { AccountingMode, Permission } from './kinds.js';

/** The master's profile (keys.enterpriseProfile): Enterprise Center enabled (R-MM-01). */
export interface EnterpriseProfile {
  masterAccountId: string;
  enterpriseName: string;
  enabledAt: string;
  /** Pending invitations of this master (capped by enterpriseConfig.maxOpenInvitations). */
  openInvitations: number;
  version: number;
}

/** A member row under the master (keys.enterpriseMember): an association, the source of truth (versioned). */
export interface MemberRow {
  masterAccountId: string;
  memberAccountId: string;
  accountingMode: AccountingMode;
  /** What the master asked for (R-MM-08). */
  requestedPermissions: Permission[];
  /** What the member granted (⊆ requested). */
  permissions: Permission[];
  associatedAt: string;
  /** The invitation it came from (absent for a member the master created). */
  invitationId?: string;
  /** R-MM-05: a member account the master created (seed 000). */
  createdByMaster: boolean;
  version: number;
}

/** A former member's window under the master (keys.enterpriseFormerMember): a past association (R-MM-05), permanent. */
export interface FormerWindow {
  memberAccountId: string;
  accountingMode: AccountingMode;
  from: string;
  to: string;
}

/** What an enterprise invitation carries (payload of the handshake). */
export interface InvitationPayload {
  accountingMode: AccountingMode;
  permissions: Permission[];
  enterpriseName: string;
}
