/**
 * The purchase guard (R-PA-04, issue 11): purchasing-type operations — buying, renewing or changing resources —
 * are refused while the account is frozen. Pure over the account's facts (lib/core/checks/facts.ts): the partner
 * area sets `partnerFrozen` in the transaction that associates a reseller customer and clears it in the one that
 * sets the first budget; the standing's `manuallyFrozen` is a freeze an operator recorded (R-PD-05 names it).
 * The order, renewal and change services (not in this product) ask before they take an order:
 * `POST /v1/account/purchase-authorizations` answers through this function.
 */
import type { Failure } from '../errors.js';
import { type Condition, evaluate } from './conditions.js';
import type { AccountFacts } from './facts.js';

/** The purchasing-type operations a freeze refuses (003 §6.1 note: "cannot purchase, renew the subscription to, change"). */
export const PURCHASE_OPERATIONS = ['purchase', 'renew', 'change'] as const;
export type PurchaseOperation = (typeof PURCHASE_OPERATIONS)[number];

export const PURCHASE_CONDITIONS: readonly Condition<AccountFacts, 'purchase'>[] = [
  {
    condition: 'partner-frozen',
    group: 'purchase',
    fails: (f) => f.associations.partnerFrozen === true,
    message:
      'Your account was frozen when it was associated with a partner in the reseller model. Ask your partner to set a monthly budget; that unfreezes the account.',
  },
  {
    condition: 'manually-frozen',
    group: 'purchase',
    fails: (f) => f.standing.manuallyFrozen === true,
    message: 'Your account is frozen. Contact customer service to have it unfrozen.',
  },
];

/** Why a purchasing-type operation is refused now (empty: allowed). */
export function purchaseRefusals(facts: AccountFacts): Failure[] {
  return evaluate(PURCHASE_CONDITIONS, facts, ['purchase'] as const).groups.flatMap((g) => g.failures);
}
