/**
 * R-PD-01, R-PD-04, R-PD-08: the partner's administrator agrees to or rejects a customer's disassociation request
 * (agree → disassociated at once); with protection on, a `partner-operation` code. An account manager may not (403);
 * another partner's request, or one of another kind, is not found (404).
 */
import type { AccountCaller } from '../core/caller.js';
import { NotFound } from '../core/errors.js';
import { loadHandshakeOf } from '../core/handshake/store.js';
import { decideDisassociation } from './disassociation.js';
import { PARTNER_DISASSOCIATION } from './kinds.js';
import { type Verification, protectedOperation } from './protection.js';
import { partnerActor, partnerLogActor, requirePartnerStaff } from './staff.js';
import { loadPartner } from './store.js';

export interface DecideAsPartnerInput {
  requestId: string;
  agree: boolean;
  verification?: Verification;
}

export async function decideDisassociationAsPartner(caller: AccountCaller, input: DecideAsPartnerInput) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const request = await loadHandshakeOf(input.requestId, staff.partnerId);
  if (!request || request.kind !== PARTNER_DISASSOCIATION.kind) throw new NotFound();
  const partner = await loadPartner(staff.partnerId);
  if (!partner) throw new NotFound();
  const extra = await protectedOperation(caller, partner, input.verification);
  return decideDisassociation({
    request,
    party: staff.partnerId,
    agree: input.agree,
    // R-PD-07, R-PA-06: the partner and its staff member, as in every other partner record and trace.
    actor: partnerLogActor(staff),
    auditActor: partnerActor(staff),
    origin: caller.origin,
    extra,
    partner,
  });
}
