/**
 * Issue 12, R-MM-04 / R-MM-05: why an account is suspended (lib/core/checks/suspension.ts suspensionOf) and the
 * purchase guard's suspension conditions, judged before the freeze (lib/core/checks/purchase.ts). Pure tables.
 */
import { describe, expect, it } from 'vitest';
import { type AccountFacts, NO_ASSOCIATIONS } from '../../../../lib/core/checks/facts.js';
import { isSuspension, purchaseRefusals } from '../../../../lib/core/checks/purchase.js';
import { suspensionOf } from '../../../../lib/core/checks/suspension.js';

const facts = (over: { suspended?: boolean; masterSuspended?: boolean; awaiting?: boolean; frozen?: boolean } = {}): AccountFacts => ({
  standing: { ...(over.suspended ? { suspended: true } : {}), ...(over.frozen ? { manuallyFrozen: true } : {}) },
  standingVersion: 1,
  associations: { ...NO_ASSOCIATIONS, awaitingPaymentMethod: over.awaiting ?? false },
  ...(over.masterSuspended !== undefined ? { masterAccountId: 'ac_master', masterSuspended: over.masterSuspended } : {}),
});

describe('suspensionOf and the purchase guard (R-MM-04, R-MM-05)', () => {
  it.each<[string, AccountFacts, ReturnType<typeof suspensionOf>, string[]]>([
    ['an account with no facts', facts(), undefined, []],
    ['a member whose master is not suspended', facts({ masterSuspended: false }), undefined, []],
    ['R-MM-04: a member whose master is suspended', facts({ masterSuspended: true }), 'master-suspended', ['master-suspended']],
    ['an account an operator suspended', facts({ suspended: true }), 'suspended', ['account-suspended']],
    [
      'R-MM-05: a created member awaiting a payment method',
      facts({ awaiting: true }),
      'payment-method-required',
      ['payment-method-required'],
    ],
    [
      'all at once, and frozen: its own suspension is the reason; every refusal listed, suspensions first',
      facts({ suspended: true, masterSuspended: true, awaiting: true, frozen: true }),
      'suspended',
      ['account-suspended', 'master-suspended', 'payment-method-required', 'manually-frozen'],
    ],
    [
      'R-MM-04: master suspended beats awaiting a payment method',
      facts({ masterSuspended: true, awaiting: true }),
      'master-suspended',
      ['master-suspended', 'payment-method-required'],
    ],
  ])('%s → %s, refusals %j', (_name, given, reason, refusals) => {
    expect(suspensionOf(given)).toBe(reason);
    expect(purchaseRefusals(given).map((f) => f.condition)).toEqual(refusals);
  });

  it('R-MM-04: only the suspension conditions make ACCOUNT_SUSPENDED; a freeze alone does not', () => {
    expect(purchaseRefusals(facts({ masterSuspended: true })).every(isSuspension)).toBe(true);
    expect(purchaseRefusals(facts({ frozen: true })).some(isSuspension)).toBe(false);
  });
});
