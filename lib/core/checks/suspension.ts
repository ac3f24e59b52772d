/**
 * Whether an account is suspended, and why (issue 12, R-MM-04, R-MM-05): decided at read time from its facts, so a
 * member sees its master's suspension on its very next request (nothing is propagated, nothing to keep in sync).
 * Pure.
 */
import type { AccountFacts } from './facts.js';

export type SuspensionReason = 'suspended' | 'master-suspended' | 'payment-method-required';

/** The account's own suspension first, then its master's (R-MM-04), then a created member awaiting a payment method (R-MM-05). */
export function suspensionOf(f: AccountFacts): SuspensionReason | undefined {
  if (f.standing.suspended === true) return 'suspended';
  if (f.masterSuspended === true) return 'master-suspended';
  if (f.associations.awaitingPaymentMethod) return 'payment-method-required';
  return undefined;
}
