/**
 * setPartnerCustomerTags (R-PD-10): replaces the partner's tags on a customer (searchable in the customer list), with
 * the customer-list index rows changed in the same transaction. Staff who may see the customer may tag it.
 */
import type { AccountCaller } from '../core/caller.js';
import { Conflict } from '../core/errors.js';
import { type ConditionFailed, transact } from '../core/store/writes.js';
import { requireCustomerOfPartner, requirePartnerStaff } from './staff.js';
import { associationChangeWrites } from './store.js';

export async function setPartnerCustomerTags(caller: AccountCaller, input: { customerId: string; tags: string[] }) {
  const staff = await requirePartnerStaff(caller);
  const association = await requireCustomerOfPartner(staff, input.customerId);
  const tags = [...new Set(input.tags.map((t) => t.trim()))].sort();
  await transact(associationChangeWrites(association, { tags }), (failure: ConditionFailed) =>
    failure.failed('association') ? new Conflict('STATE_CONFLICT', 'The customer changed meanwhile; try again.') : failure,
  );
  return { tags };
}
