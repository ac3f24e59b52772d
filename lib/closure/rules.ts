/**
 * R-CL-02..05: the closure check, as a pure function of the account's standing (facts owned by billing,
 * order and contract systems) and its associations. Every failed condition names what to do.
 */
import type { Failure } from '../core/errors.js';

export const STANDING_FLAGS = [
  'overduePayments',
  'overIssuedInvoices',
  'pendingPayments',
  'remainingBalance',
  'pendingContracts',
  'activeOrders',
  'resourcesInUse',
  'reservedInstances',
  'applicationsInProgress',
  'unpaidTaxes',
  'violations',
  'specialContract',
  'professionalServiceContract',
  'partnerSupportPlan',
  'serviceSupportPlan',
  'cashExpenditure',
  'ordersAwaitingPartnerPayment',
  'kooGallerySeller',
  'manuallyFrozen',
] as const;

export type StandingFlag = (typeof STANDING_FLAGS)[number];
export type Standing = Partial<Record<StandingFlag, boolean>> & { site?: 'international' | 'chinese-mainland' };

export interface Associations {
  partnerAssociated: boolean;
  enterpriseAssociated: boolean;
}

export type CheckGroup = 'account' | 'financial' | 'orders-resources';

interface Condition {
  condition: string;
  group: CheckGroup;
  fails: (s: Standing, a: Associations) => boolean;
  message: string;
}

/** API.md condition names, their group, and what the customer should do. */
export const CONDITIONS: readonly Condition[] = [
  { condition: 'partner-associated', group: 'account', fails: (_, a) => a.partnerAssociated, message: 'Disassociate from your partner first (My Partner).' },
  { condition: 'enterprise-associated', group: 'account', fails: (_, a) => a.enterpriseAssociated, message: 'Leave the enterprise master account first (My Master Account).' },
  { condition: 'violations', group: 'account', fails: (s) => !!s.violations, message: 'Recorded violations must be resolved; contact customer service.' },
  { condition: 'overdue-payments', group: 'financial', fails: (s) => !!s.overduePayments, message: 'Pay all overdue bills (Billing Center).' },
  { condition: 'over-issued-invoices', group: 'financial', fails: (s) => !!s.overIssuedInvoices, message: 'Return or settle over-issued invoices (Billing Center › Invoices).' },
  { condition: 'pending-payments', group: 'financial', fails: (s) => !!s.pendingPayments, message: 'Pay or cancel pending payments.' },
  { condition: 'remaining-balance', group: 'financial', fails: (s) => !!s.remainingBalance, message: 'Withdraw or use up the remaining balance.' },
  { condition: 'unpaid-taxes', group: 'financial', fails: (s) => !!s.unpaidTaxes, message: 'Pay the outstanding taxes.' },
  { condition: 'pending-contracts', group: 'orders-resources', fails: (s) => !!s.pendingContracts, message: 'Complete or terminate pending contracts.' },
  { condition: 'active-orders', group: 'orders-resources', fails: (s) => !!s.activeOrders, message: 'Pay or cancel unfinished orders.' },
  { condition: 'resources-in-use', group: 'orders-resources', fails: (s) => !!s.resourcesInUse, message: 'Release or delete every cloud resource in use.' },
  { condition: 'reserved-instances', group: 'orders-resources', fails: (s) => !!s.reservedInstances, message: 'Wait for reserved instances to expire or unsubscribe from them.' },
  { condition: 'applications-in-progress', group: 'orders-resources', fails: (s) => !!s.applicationsInProgress, message: 'Finish or withdraw applications in progress (tickets, refunds, authentication).' },
];

export interface CheckResultGroup {
  group: CheckGroup;
  passed: boolean;
  failures: Failure[];
}

export function evaluateClosure(standing: Standing, associations: Associations): { passed: boolean; groups: CheckResultGroup[] } {
  const groups = (['account', 'financial', 'orders-resources'] as const).map((group) => {
    const failures = CONDITIONS.filter((c) => c.group === group && c.fails(standing, associations)).map((c) => ({ condition: c.condition, message: c.message }));
    return { group, passed: failures.length === 0, failures };
  });
  return { passed: groups.every((g) => g.passed), groups };
}

/** R-CL-07: disabling at once needs every outstanding amount paid. */
export function disableBlockers(standing: Standing): Failure[] {
  return CONDITIONS.filter((c) => ['overdue-payments', 'pending-payments', 'unpaid-taxes'].includes(c.condition) && c.fails(standing, { partnerAssociated: false, enterpriseAssociated: false })).map(
    (c) => ({ condition: c.condition, message: c.message }),
  );
}

/** R-CL-05: a passed check is good for `freshSeconds`. */
export function isFresh(checkedAtIso: string, at: Date, freshSeconds: number): boolean {
  return at.getTime() - Date.parse(checkedAtIso) <= freshSeconds * 1000;
}

/** R-CL-07 / R-CL-09: the two closure timers. */
export function closureTimes(closedAt: Date, actionsAfterSeconds: number, retentionSeconds: number) {
  return {
    actionsAllowedFrom: new Date(closedAt.getTime() + actionsAfterSeconds * 1000).toISOString(),
    autoDisableAt: new Date(closedAt.getTime() + retentionSeconds * 1000).toISOString(),
  };
}
