/**
 * R-PD-01, R-PD-02: the customer's disassociation checks before it requests (My Partner → Disassociate), with the
 * quotas made visible (R-PD-03, R-PD-06): how many requests are left — the fewer of the customer's own and the
 * pair's — and, when none, from when the next one is possible.
 */
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { NotFound } from '../core/errors.js';
import { loadDisassociationState } from './disassociation.js';
import { customerChecks } from './disassociation-rules.js';
import { loadCustomerPartner } from './store.js';

export async function getDisassociationChecks(caller: AccountCaller) {
  const association = await loadCustomerPartner(caller.accountId);
  if (!association) throw new NotFound('You are not associated with a partner.');
  const state = await loadDisassociationState(association, 'customer', now());
  return { ...customerChecks(state.facts), ...state.visible };
}
