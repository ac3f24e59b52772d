/** The two-party request kinds of the partners area (lib/core/handshake/machine.ts runs them). */
import { partnersConfig } from '../core/config.js';
import type { HandshakeKind } from '../core/handshake/machine.js';

/** R-PD-01..03: either side opens, the other decides; one open request per partner–customer pair. */
export const PARTNER_DISASSOCIATION: HandshakeKind = {
  kind: 'partner-disassociation',
  roles: ['customer', 'partner'],
  initiators: ['customer', 'partner'],
  expirySeconds: partnersConfig.disassociationRequestTtlSeconds,
  oneOpenPer: 'pair',
};

/**
 * R-PD-04, R-RN-05 (issue 11 review finding 3): the administrator invites an account to its staff; the account
 * accepts or rejects (only then is it staff and `partnerProgram`). One open invitation per partner–account pair.
 */
export const PARTNER_MEMBERSHIP: HandshakeKind = {
  kind: 'partner-membership',
  roles: ['partner', 'account'],
  initiators: ['partner'],
  expirySeconds: partnersConfig.membershipInvitationTtlSeconds,
  oneOpenPer: 'pair',
};
