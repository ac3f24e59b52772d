/**
 * R-PA-04 (issue 11, freeze and budget): a reseller customer is frozen on association — purchasing-type operations
 * (purchase, renew, change) are refused with a clear problem until the partner sets a monthly budget. The guard is
 * pure over the account's facts (lib/core/checks/purchase.ts); the table names each refusal alone.
 */
import { describe, expect, it } from 'vitest';
import { PURCHASE_OPERATIONS, purchaseRefusals } from '../../../../lib/core/checks/purchase.js';
import { type AccountFacts, NO_ASSOCIATIONS } from '../../../../lib/core/checks/facts.js';

const facts = (over: { partnerFrozen?: boolean; manuallyFrozen?: boolean } = {}): AccountFacts => ({
  standing: over.manuallyFrozen === undefined ? {} : { manuallyFrozen: over.manuallyFrozen },
  standingVersion: 1,
  associations: { ...NO_ASSOCIATIONS, partnerAssociated: over.partnerFrozen !== undefined, partnerFrozen: over.partnerFrozen ?? false },
});

describe('purchaseRefusals (R-PA-04)', () => {
  it.each([
    ['an account with no facts', facts(), []],
    ['a reseller customer with a budget (not frozen)', facts({ partnerFrozen: false }), []],
    ['R-PA-04: a reseller customer frozen on association', facts({ partnerFrozen: true }), ['partner-frozen']],
    ['an account frozen manually (R-PD-05 names the flag)', facts({ manuallyFrozen: true }), ['manually-frozen']],
    ['both', facts({ partnerFrozen: true, manuallyFrozen: true }), ['partner-frozen', 'manually-frozen']],
  ])('%s → refusals %j', (_name, given, expected) => {
    expect(purchaseRefusals(given).map((f) => f.condition)).toEqual(expected);
  });

  it('R-PA-04: the partner-frozen refusal tells the customer to ask the partner for a monthly budget', () => {
    const [failure] = purchaseRefusals(facts({ partnerFrozen: true }));
    expect(failure?.message).toMatch(/partner/i);
    expect(failure?.message).toMatch(/budget/i);
  });

  it('the purchasing-type operations are purchase, renew and change (003 §6.1 note)', () => {
    expect([...PURCHASE_OPERATIONS]).toEqual(['purchase', 'renew', 'change']);
  });
});
