/**
 * R-PD-04, R-PD-05, R-PD-06, R-PD-08: the partner's administrator requests disassociation from a customer with a
 * reason; the partner-side checks and the pair's quota apply; a partner with protection on confirms with a
 * `partner-operation` code. An account manager may not (403); another partner's customer is not found (404).
 * The request is written to the customer's audit traces with the partner as actor (R-PA-06).
 */
import type { AccountCaller } from '../core/caller.js';
import { NotFound } from '../core/errors.js';
import { openDisassociation } from './disassociation.js';
import { type Verification, protectedOperation } from './protection.js';
import { partnerActor, partnerLogActor, requireCustomerOfPartner, requirePartnerStaff } from './staff.js';
import { loadPartner } from './store.js';

export interface RequestCustomerDisassociationInput {
  customerId: string;
  reason: string;
  verification?: Verification;
}

export async function requestCustomerDisassociation(caller: AccountCaller, input: RequestCustomerDisassociationInput) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const association = await requireCustomerOfPartner(staff, input.customerId);
  const partner = await loadPartner(staff.partnerId);
  if (!partner) throw new NotFound();
  const extra = await protectedOperation(caller, partner, input.verification);
  const request = await openDisassociation({
    side: 'partner',
    association,
    // R-PD-07, R-PA-06: the partner and its staff member, as in every other partner record and trace.
    actor: partnerLogActor(staff),
    auditActor: partnerActor(staff),
    origin: caller.origin,
    payload: { reason: input.reason, requestedBy: staff.accountId },
    extra,
    partner,
  });
  return { requestId: request.id, status: 'pending' as const, expiresAt: request.expiresAt };
}
