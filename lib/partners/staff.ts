/**
 * Who may act in the partner center (R-PD-04): staff of a partner (its administrator or an account manager).
 * A non-staff account is refused (403); a customer of another partner, or — for an account manager — one not
 * assigned to it, is not found (404, never another partner's data).
 */
import type { AccountCaller } from '../core/caller.js';
import { Forbidden, NotFound } from '../core/errors.js';
import type { Association, Staff } from './model.js';
import { loadPartnerCustomer, loadStaffRole } from './store.js';

export async function requirePartnerStaff(caller: AccountCaller, options: { administrator?: boolean } = {}): Promise<Staff> {
  const claim = await loadStaffRole(caller.accountId);
  if (!claim) throw new Forbidden('Only staff of a partner may do this.');
  if (options.administrator && claim.role !== 'administrator') throw new Forbidden("Only the partner's administrator may do this.");
  return { ...claim, accountId: caller.accountId };
}

/** May this staff member see the customer? An account manager sees only the customers assigned to it. */
export function mayActOn(staff: Staff, association: Association): boolean {
  return association.partnerId === staff.partnerId && (staff.role === 'administrator' || association.accountManagerId === staff.accountId);
}

export async function requireCustomerOfPartner(staff: Staff, customerId: string): Promise<Association> {
  const association = await loadPartnerCustomer(staff.partnerId, customerId);
  if (!association || !mayActOn(staff, association)) throw new NotFound();
  return association;
}

/** R-PA-06: the audit actor of a partner action on a customer's behalf, written into the customer's traces. */
export const partnerActor = (staff: Pick<Staff, 'partnerId' | 'accountId'>): string => `partner:${staff.partnerId}:${staff.accountId}`;

/** The association-log actor of a partner staff member's action. */
export const partnerLogActor = (staff: Pick<Staff, 'partnerId' | 'accountId'>) => ({
  kind: 'partner' as const,
  id: `${staff.partnerId}:${staff.accountId}`,
});
