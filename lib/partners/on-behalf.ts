/**
 * Authorization to act on the customer's behalf (R-PA-06, the "letter of authorization"; 003 §6.1: "authorize
 * partners to place orders and perform O&M on your behalf"). Pure. Optional at association, granted or revoked
 * later by the customer. It gates what the partner does AS the customer — operations that are not part of the
 * partner relationship itself. The relationship's own operations stay the partner's right whatever the customer
 * authorized: setting the monthly budget (the reseller pays the bills), requesting or deciding a disassociation,
 * assigning an account manager, seeing its customer list. Every partner operation on a customer, gated or not,
 * is written to the customer's audit traces with the partner as actor.
 */
import { RuleViolation } from '../core/errors.js';

/**
 * Operations a partner may perform on the customer's behalf only with the customer's authorization. None of them
 * is served by this product yet (orders and O&M live in other services, which ask `mayActOnBehalf` through the
 * customer's partner view); the list is what a new on-behalf route must check with `assertMayActOnBehalf`.
 */
export const ON_BEHALF_OPERATIONS = ['place-order', 'renew-resources', 'change-resources', 'operate-resources'] as const;

export function mayActOnBehalf(association: { authorized: boolean }): boolean {
  return association.authorized === true;
}

/** Throws 422 NOT_ALLOWED (`not-authorized`) unless the customer authorized the partner (R-PA-06). */
export function assertMayActOnBehalf(association: { authorized: boolean }): void {
  if (mayActOnBehalf(association)) return;
  throw new RuleViolation('NOT_ALLOWED', 'The customer has not authorized operations on its behalf.', [
    { condition: 'not-authorized', message: 'Ask the customer to grant the authorization on its My Partner page.' },
  ]);
}
