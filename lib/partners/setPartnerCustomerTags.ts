/**
 * setPartnerCustomerTags (R-PD-10): replaces the partner's tags on a customer (searchable in the customer list), with
 * the customer-list index rows changed in the same transaction. Staff who may see the customer may tag it. Saving
 * also refreshes what the index took from the customer's account (name, account names, mobile hash) to its values
 * now: the one way a partner brings a stale name or mobile search up to date (docs/data-model.md).
 */
import { findAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { Conflict, NotFound } from '../core/errors.js';
import { type ConditionFailed, transact } from '../core/store/writes.js';
import { customerAccountOf, customerNameOf } from './accounts.js';
import { indexExtrasOf } from './customer-contact.js';
import { requireCustomerOfPartner, requirePartnerStaff } from './staff.js';
import { associationChangeWrites } from './store.js';

export async function setPartnerCustomerTags(caller: AccountCaller, input: { customerId: string; tags: string[] }) {
  const staff = await requirePartnerStaff(caller);
  const association = await requireCustomerOfPartner(staff, input.customerId);
  const account = await findAccount(input.customerId);
  if (!account) throw new NotFound();
  const tags = [...new Set(input.tags.map((t) => t.trim()))].sort();
  const patch = {
    tags,
    customerName: customerNameOf(account),
    customerAccount: customerAccountOf(account),
    indexExtras: indexExtrasOf(account),
  };
  await transact(associationChangeWrites(association, patch), (failure: ConditionFailed) =>
    failure.failed('association') ? new Conflict('STATE_CONFLICT', 'The customer changed meanwhile; try again.') : failure,
  );
  return { tags };
}
