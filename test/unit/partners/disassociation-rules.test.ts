/** Disassociation checks as tables (pure): every condition alone, on the side that judges it (R-PD-01, R-PD-02, R-PD-05, R-PD-09). */
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_CONDITIONS,
  type DisassociationFacts,
  PARTNER_CONDITIONS,
  customerChecks,
  partnerChecks,
  requestsVisible,
  ticketChecks,
} from '../../../lib/partners/disassociation-rules.js';

const clean: DisassociationFacts = {
  model: 'reseller',
  standing: {},
  enterpriseAssociated: false,
  independentMembers: false,
  unifiedMembersServiceSupport: false,
  currencySet: true,
  requestsLeft: 1,
  requestPending: false,
};

/** One condition failing alone: the facts that make exactly it true. */
const ALONE: Record<string, Partial<DisassociationFacts>> = {
  'not-reseller': { model: 'referral' },
  'enterprise-associated': { enterpriseAssociated: true },
  'independent-members': { independentMembers: true },
  arrears: { standing: { overduePayments: true } },
  'reserved-instances': { standing: { reservedInstances: true } },
  'partner-support-plan': { standing: { partnerSupportPlan: true } },
  'currency-not-set': { currencySet: false },
  'special-contract': { standing: { specialContract: true } },
  'orders-awaiting-partner-payment': { standing: { ordersAwaitingPartnerPayment: true } },
  'request-pending': { requestPending: true },
  'request-quota': { requestsLeft: 0 },
  'manually-frozen': { standing: { manuallyFrozen: true } },
  'service-support-plan': { standing: { serviceSupportPlan: true } },
  'unified-members-service-support': { unifiedMembersServiceSupport: true },
};

describe('disassociation checks (pure tables)', () => {
  it('R-PD-01 R-PD-02 R-PD-05: with clean facts both sides pass', () => {
    expect(customerChecks(clean)).toEqual({ passed: true, failures: [] });
    expect(partnerChecks(clean)).toEqual({ passed: true, failures: [] });
  });

  it('R-PD-02: the customer side names exactly the API.md conditions (plus enterprise-associated, not-reseller, request-pending)', () => {
    expect(CUSTOMER_CONDITIONS.map((c) => c.condition).sort()).toEqual(
      [
        'not-reseller',
        'enterprise-associated',
        'independent-members',
        'arrears',
        'reserved-instances',
        'partner-support-plan',
        'currency-not-set',
        'special-contract',
        'orders-awaiting-partner-payment',
        'request-pending',
        'request-quota',
      ].sort(),
    );
  });

  it('R-PD-05: the partner side names its conditions', () => {
    expect(PARTNER_CONDITIONS.map((c) => c.condition).sort()).toEqual(
      [
        'independent-members',
        'manually-frozen',
        'reserved-instances',
        'partner-support-plan',
        'service-support-plan',
        'unified-members-service-support',
        'request-pending',
        'request-quota',
      ].sort(),
    );
  });

  it.each(CUSTOMER_CONDITIONS.map((c) => [c.condition] as const))(
    'R-PD-02 R-PD-01 R-PD-03: customer side, %s alone fails exactly that condition with what to do',
    (condition) => {
      const result = customerChecks({ ...clean, ...ALONE[condition] });
      expect(result.passed).toBe(false);
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]!.condition).toBe(condition);
      expect(result.failures[0]!.message.length).toBeGreaterThan(20);
    },
  );

  it.each(PARTNER_CONDITIONS.map((c) => [c.condition] as const))(
    'R-PD-05 R-PD-06: partner side, %s alone fails exactly that condition with what to do',
    (condition) => {
      const result = partnerChecks({ ...clean, ...ALONE[condition] });
      expect(result.passed).toBe(false);
      expect(result.failures.map((f) => f.condition)).toEqual([condition]);
      expect(result.failures[0]!.message.length).toBeGreaterThan(20);
    },
  );

  it.each([['manually-frozen'], ['service-support-plan'], ['unified-members-service-support']])(
    'R-PD-02: %s is a partner-side condition only: the customer side passes it',
    (condition) => {
      expect(customerChecks({ ...clean, ...ALONE[condition] }).passed).toBe(true);
    },
  );

  it.each([['currency-not-set'], ['special-contract'], ['arrears'], ['orders-awaiting-partner-payment'], ['not-reseller']])(
    'R-PD-05: %s is a customer-side condition only: the partner side passes it',
    (condition) => {
      expect(partnerChecks({ ...clean, ...ALONE[condition] }).passed).toBe(true);
    },
  );

  it.each([
    ['enterprise-associated', false],
    ['arrears', false],
    ['reserved-instances', false],
    ['currency-not-set', true],
    ['special-contract', true],
    ['request-quota', true],
    ['request-pending', true],
    ['partner-support-plan', true],
  ] as const)('R-PD-09 (seed 004): the ticket path with %s alone passes: %s', (condition, passes) => {
    const result = ticketChecks({ ...clean, ...ALONE[condition] });
    expect(result.passed).toBe(passes);
    if (!passes) expect(result.failures.map((f) => f.condition)).toEqual([condition]);
  });

  it('R-PD-09: a referral customer takes the ticket path without the reseller conditions', () => {
    expect(ticketChecks({ ...clean, model: 'referral', standing: { overduePayments: true } }).passed).toBe(true);
  });

  it('R-PD-03 R-PD-06: requests left are the fewest of the windows; when none, the latest time every exhausted window frees', () => {
    const d = (iso: string) => new Date(iso);
    expect(
      requestsVisible([
        { recent: [], left: 1 },
        { recent: ['x'], left: 2 },
      ]),
    ).toEqual({ requestsLeft: 1 });
    expect(
      requestsVisible([
        { recent: ['a'], left: 0, nextAllowedAt: d('2026-04-01T00:00:00.000Z') },
        { recent: ['a', 'b', 'c'], left: 0, nextAllowedAt: d('2026-05-01T00:00:00.000Z') },
      ]),
    ).toEqual({ requestsLeft: 0, nextRequestPossibleAt: '2026-05-01T00:00:00.000Z' });
    expect(
      requestsVisible([
        { recent: ['a'], left: 0, nextAllowedAt: d('2026-04-01T00:00:00.000Z') },
        { recent: ['a'], left: 2 },
      ]),
    ).toEqual({ requestsLeft: 0, nextRequestPossibleAt: '2026-04-01T00:00:00.000Z' });
  });
});
