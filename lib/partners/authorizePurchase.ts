/**
 * R-PA-04 (issue 11): may the customer buy, renew or change resources now? This product takes no orders; the
 * order, renewal and change services ask here (on the customer's session) before they accept one, so the freeze
 * of a reseller customer holds wherever an order is taken. Answers `{ allowed: true }` or 422 ACCOUNT_FROZEN with
 * the refusals (`partner-frozen`: ask the partner to set a monthly budget); 422 ACCOUNT_SUSPENDED when the account
 * is suspended (issue 12: `account-suspended`, `master-suspended` — R-MM-04 —, `payment-method-required` — R-MM-05).
 */
import type { AccountCaller } from '../core/caller.js';
import { type PurchaseOperation, isSuspension, purchaseRefusals } from '../core/checks/purchase.js';
import { loadFacts } from '../core/checks/store.js';
import { RuleViolation } from '../core/errors.js';

export async function authorizePurchase(caller: AccountCaller, input: { operation: PurchaseOperation }) {
  const refusals = purchaseRefusals(await loadFacts(caller.accountId));
  // Issue 12 (R-MM-04, R-MM-05): a suspension is named as such, before any freeze.
  if (refusals.some(isSuspension)) {
    throw new RuleViolation('ACCOUNT_SUSPENDED', `The account is suspended: it cannot ${input.operation} resources now.`, refusals);
  }
  if (refusals.length) {
    throw new RuleViolation('ACCOUNT_FROZEN', `The account is frozen: it cannot ${input.operation} resources now.`, refusals);
  }
  return { allowed: true as const, operation: input.operation };
}
