/**
 * Seed 002, R-PD-04..06: the partner runs the disassociation checks before confirming a request — the partner-side
 * check table and the pair's quota (requests left and, when none, from when the next is possible), judged on the
 * same read a partner request judges (./disassociation.ts `loadDisassociationState`). The administrator only
 * (an account manager 403); another partner's customer is not found (404).
 */
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { checksOf, loadDisassociationState } from './disassociation.js';
import { requireCustomerOfPartner, requirePartnerStaff } from './staff.js';

export async function getCustomerDisassociationChecks(caller: AccountCaller, input: { customerId: string }) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const association = await requireCustomerOfPartner(staff, input.customerId);
  const state = await loadDisassociationState(association, 'partner', now());
  return { ...checksOf('partner', state.facts), ...state.visible };
}
