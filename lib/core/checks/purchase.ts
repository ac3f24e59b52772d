/**
 * The purchase guard (R-PA-04, issue 11): purchasing-type operations — buying, renewing or changing resources —
 * are refused while the account is frozen. Pure over the account's facts (lib/core/checks/facts.ts): the partner
 * area sets `partnerFrozen` in the transaction that associates a reseller customer and clears it in the one that
 * sets the first budget; the standing's `manuallyFrozen` is a freeze an operator recorded (R-PD-05 names it).
 * The order, renewal and change services (not in this product) ask before they take an order:
 * `POST /v1/account/purchase-authorizations` answers through this function. Issue 12: a suspended account (its own
 * standing, its master's — R-MM-04 — or a created member awaiting a payment method — R-MM-05) is refused first.
 */
import type { Failure } from '../errors.js';
import { type Condition, evaluate } from './conditions.js';
import type { AccountFacts } from './facts.js';

/** The purchasing-type operations a freeze refuses (003 §6.1 note: "cannot purchase, renew the subscription to, change"). */
export const PURCHASE_OPERATIONS = ['purchase', 'renew', 'change'] as const;
export type PurchaseOperation = (typeof PURCHASE_OPERATIONS)[number];

type PurchaseGroup = 'suspension' | 'purchase';

export const PURCHASE_CONDITIONS: readonly Condition<AccountFacts, PurchaseGroup>[] = [
  // Issue 12 (R-MM-04, R-MM-05): a suspended account buys nothing; judged before the freeze (ACCOUNT_SUSPENDED).
  {
    condition: 'account-suspended',
    group: 'suspension',
    fails: (f) => f.standing.suspended === true,
    message: 'Your account is suspended. Contact customer service to have the suspension lifted.',
  },
  {
    condition: 'master-suspended',
    group: 'suspension',
    fails: (f) => f.masterSuspended === true,
    message:
      'Your enterprise master account is suspended, and a member is suspended whenever its master is. Ask your master account to have its suspension lifted.',
  },
  {
    condition: 'payment-method-required',
    group: 'suspension',
    fails: (f) => f.associations.awaitingPaymentMethod,
    message: 'Your account left its enterprise master and has no payment method yet. Bind a payment method to lift the suspension.',
  },
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

/** Why a purchasing-type operation is refused now (empty: allowed): the suspension conditions first, then the freeze. */
export function purchaseRefusals(facts: AccountFacts): Failure[] {
  return evaluate(PURCHASE_CONDITIONS, facts, ['suspension', 'purchase'] as const).groups.flatMap((g) => g.failures);
}

/** The refusals that are a suspension (ACCOUNT_SUSPENDED) rather than a freeze (ACCOUNT_FROZEN). */
export const isSuspension = (failure: Failure): boolean =>
  PURCHASE_CONDITIONS.some((c) => c.group === 'suspension' && c.condition === failure.condition);
