/**
 * Issue 11: the association preconditions as a table (R-PA-02 for both models, R-PA-03 for the reseller model
 * only). Every condition alone: it fails exactly the models it names, and nothing else fails.
 */
import { describe, expect, it } from 'vitest';
import { NO_ASSOCIATIONS } from '../../../lib/core/checks/facts.js';
import {
  ASSOCIATION_PRECONDITIONS,
  type AssociationFacts,
  associationFailures,
  couponsApplyToOrdersBefore,
  frozenOnAssociation,
} from '../../../lib/partners/rules.js';

const AT = new Date('2026-06-10T12:00:00.000Z');
const clean: AssociationFacts = { standing: {}, associations: NO_ASSOCIATIONS, registeredAt: '2026-06-09T12:00:00.000Z', at: AT };
const withStanding = (standing: AssociationFacts['standing']): AssociationFacts => ({ ...clean, standing });
const withFact = (fact: keyof typeof NO_ASSOCIATIONS): AssociationFacts => ({
  ...clean,
  associations: { ...NO_ASSOCIATIONS, [fact]: true },
});

/** [rule, condition, facts with only that condition true, models it refuses] */
const TABLE: Array<[string, string, AssociationFacts, Array<'reseller' | 'referral'>]> = [
  ['R-PA-02', 'chinese-mainland-site', withStanding({ site: 'chinese-mainland' }), ['reseller', 'referral']],
  ['R-PA-02', 'another-partner', withFact('partnerAssociated'), ['reseller', 'referral']],
  ['R-PA-02', 'special-contract', withStanding({ specialContract: true }), ['reseller', 'referral']],
  ['R-PA-02', 'registered-over-7-days', { ...clean, registeredAt: '2026-06-03T11:59:59.999Z' }, ['reseller', 'referral']],
  ['R-PA-02', 'cash-expenditure', withStanding({ cashExpenditure: true }), ['reseller', 'referral']],
  ['R-PA-02', 'unpaid-bills', withStanding({ overduePayments: true }), ['reseller', 'referral']],
  ['R-PA-02', 'unpaid-bills', withStanding({ pendingPayments: true }), ['reseller', 'referral']],
  ['R-PA-02', 'unified-accounting-member', withFact('enterpriseUnifiedMember'), ['reseller', 'referral']],
  ['R-PA-03', 'professional-service-contract', withStanding({ professionalServiceContract: true }), ['reseller']],
  ['R-PA-03', 'reserved-instances', withStanding({ reservedInstances: true }), ['reseller']],
  ['R-PA-03', 'enterprise-member', withFact('enterpriseMember'), ['reseller']],
  ['R-PA-03', 'master-with-independent-members', withFact('masterWithIndependentMembers'), ['reseller']],
];

describe('association preconditions (issue 11, R-PA-02, R-PA-03)', () => {
  it('a clean, new customer passes for both models', () => {
    expect(associationFailures('reseller', clean)).toEqual([]);
    expect(associationFailures('referral', clean)).toEqual([]);
  });

  describe.each(['reseller', 'referral'] as const)('model %s', (model) => {
    it.each(TABLE)('%s: %s alone', (_rule, condition, facts, refuses) => {
      const failures = associationFailures(model, facts);
      if (refuses.includes(model)) {
        expect(failures.map((f) => f.condition)).toEqual([condition]);
        expect(failures[0]!.message.length).toBeGreaterThan(20); // says what to do
      } else expect(failures).toEqual([]);
    });
  });

  it('R-PA-02: registered exactly 7 days ago still passes; a millisecond more fails', () => {
    expect(associationFailures('referral', { ...clean, registeredAt: '2026-06-03T12:00:00.000Z' })).toEqual([]);
  });

  it('every condition of the table is covered above, and every failure is reported at once', () => {
    expect(new Set(TABLE.map((r) => r[1]))).toEqual(new Set(ASSOCIATION_PRECONDITIONS.map((c) => c.condition)));
    const everything: AssociationFacts = {
      standing: {
        site: 'chinese-mainland',
        specialContract: true,
        cashExpenditure: true,
        overduePayments: true,
        professionalServiceContract: true,
        reservedInstances: true,
      },
      associations: {
        ...NO_ASSOCIATIONS,
        partnerAssociated: true,
        enterpriseUnifiedMember: true,
        enterpriseMember: true,
        masterWithIndependentMembers: true,
      },
      registeredAt: '2020-01-01T00:00:00.000Z',
      at: AT,
    };
    expect(associationFailures('reseller', everything)).toHaveLength(11);
    expect(associationFailures('referral', everything)).toHaveLength(7);
  });

  it('R-PA-04: the reseller model freezes on association, the referral model does not', () => {
    expect(frozenOnAssociation('reseller')).toBe(true);
    expect(frozenOnAssociation('referral')).toBe(false);
  });

  it('R-PA-05: reseller coupons pay only orders created before the association time; referral coupons are not limited', () => {
    const associatedAt = '2026-06-10T12:00:00.000Z';
    expect(couponsApplyToOrdersBefore({ model: 'reseller', associatedAt })).toBe(associatedAt);
    expect(couponsApplyToOrdersBefore({ model: 'referral', associatedAt })).toBeUndefined();
  });
});
