/**
 * revealPartnerCustomerContact (R-PD-10): one contact field of a customer, unmasked, for partner staff who may see the
 * customer (an account manager: only its assigned ones; another partner's customer: 404). Each reveal is recorded in
 * the association log (`contact-revealed`, the staff account as actor, the field) before the value is answered, in
 * the customer's, the partner's and the pair's views: the customer sees who looked. It is also written to the
 * customer's audit traces with the partner as actor (R-PA-06), in the same transaction: which field, never its value.
 */
import { associationLogWrites } from './association-log.js';
import { findAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { NotFound } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { contactOf } from './customer-contact.js';
import type { ContactField } from './partner-customers-route.js';
import { partnerActor, partnerLogActor, requireCustomerOfPartner, requirePartnerStaff } from './staff.js';

export async function revealPartnerCustomerContact(caller: AccountCaller, input: { customerId: string; field: ContactField }) {
  const staff = await requirePartnerStaff(caller);
  const association = await requireCustomerOfPartner(staff, input.customerId);
  const account = await findAccount(input.customerId);
  if (!account) throw new NotFound();
  const value = contactOf(account)[input.field];
  await transact([
    ...associationLogWrites(association, {
      event: 'contact-revealed',
      actor: partnerLogActor(staff),
      details: { field: input.field },
    }),
    // Which field was revealed, no value (not even masked): the trace must not become a copy of the contact data.
    auditWrite({
      accountId: input.customerId,
      traceName: 'revealPartnerCustomerContact',
      request: caller.origin,
      result: 'success',
      actor: partnerActor(staff),
      changes: [{ field: input.field }],
    }),
  ]);
  return { field: input.field, ...(value !== undefined ? { value } : {}) };
}
