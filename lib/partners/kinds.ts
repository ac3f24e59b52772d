/** The two-party request kinds of the partners area (lib/core/handshake/machine.ts runs them). */
import { config } from '../core/config.js';
import type { HandshakeKind } from '../core/handshake/machine.js';

/** R-PD-01..03: either side opens, the other decides; one open request per partner–customer pair. */
export const PARTNER_DISASSOCIATION: HandshakeKind = {
  kind: 'partner-disassociation',
  roles: ['customer', 'partner'],
  initiators: ['customer', 'partner'],
  expirySeconds: config.partners.disassociationRequestTtlSeconds,
  oneOpenPer: 'pair',
};
