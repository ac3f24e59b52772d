/**
 * An account's status, a fact every area's writes are gated on (issue 10): recipients, preferences and the
 * account's own changes carry "the account is open for changes" in their transactions. The account item and
 * its transitions are lib/accounts'; the statuses are here so gating areas need not import accounts.
 */
export type AccountStatus = 'registered' | 'active' | 'closed' | 'disabled';

/** Accounts whose information may change: not closed (R-CL-10), not disabled. */
export const EDITABLE: AccountStatus[] = ['registered', 'active'];
