/**
 * R-MM-04, R-MM-05 (issue 12): why an account is suspended now, if it is. Computed at read time from the facts one
 * load reads (lib/core/checks/store.ts loadFacts: the account's standing, its master's standing for a member, the
 * `awaitingPaymentMethod` fact): no propagation job, nothing to keep in sync. Pure.
 *
 * - `suspended`: an operator suspended the account (its standing).
 * - `master-suspended`: the account is a member whose master is suspended ("the member is suspended whenever the
 *   master is").
 * - `payment-method-required`: a member the master created, disassociated before it bound a payment method.
 */
import type { AccountFacts } from './facts.js';

export type Suspension = 'suspended' | 'master-suspended' | 'payment-method-required';

export function suspensionOf(f: AccountFacts): Suspension | undefined {
  if (f.standing.suspended === true) return 'suspended';
  if (f.masterSuspended === true) return 'master-suspended';
  if (f.associations.awaitingPaymentMethod) return 'payment-method-required';
  return undefined;
}
