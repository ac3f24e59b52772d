/**
 * R-CL-02..05: the closure check, as a pure function of the account's standing (facts owned by billing,
 * order and contract systems) and its associations. Every failed condition names what to do.
 */
import { type Condition, evaluate, type GroupResult } from '../core/checks/conditions.js';
import { type AccountFacts, NO_ASSOCIATIONS, type Standing } from '../core/checks/facts.js';
import type { Failure } from '../core/errors.js';

export { STANDING_FLAGS, type Standing, type StandingFlag } from '../core/checks/facts.js';

export type CheckGroup = 'account' | 'financial' | 'orders-resources';

/** What the closure conditions read: the account's standing and its associations (lib/core/checks). */
export type ClosureFacts = Pick<AccountFacts, 'standing' | 'associations'>;

/** API.md condition names, their group, and what the customer should do. */
export const CONDITIONS: readonly Condition<ClosureFacts, CheckGroup>[] = [
  {
    condition: 'partner-associated',
    group: 'account',
    fails: (f) => f.associations.partnerAssociated,
    message: 'Disassociate from your partner first (My Partner).',
  },
  {
    condition: 'enterprise-associated',
    group: 'account',
    fails: (f) => f.associations.enterpriseAssociated,
    // R-MM-01: the master initiates a disassociation, the member accepts it; the advice depends on the side.
    message: (f) =>
      f.associations.enterpriseMember
        ? 'Ask your enterprise master account to disassociate your account, then accept the request (My Master Account).'
        : 'Disassociate your member accounts first (Enterprise Center); each member accepts the request.',
  },
  {
    condition: 'violations',
    group: 'account',
    fails: (f) => !!f.standing.violations,
    message: 'Recorded violations must be resolved; contact customer service.',
  },
  {
    condition: 'overdue-payments',
    group: 'financial',
    fails: (f) => !!f.standing.overduePayments,
    message: 'Pay all overdue bills (Billing Center).',
  },
  {
    condition: 'over-issued-invoices',
    group: 'financial',
    fails: (f) => !!f.standing.overIssuedInvoices,
    message: 'Return or settle over-issued invoices (Billing Center › Invoices).',
  },
  {
    condition: 'pending-payments',
    group: 'financial',
    fails: (f) => !!f.standing.pendingPayments,
    message: 'Pay or cancel pending payments.',
  },
  {
    condition: 'remaining-balance',
    group: 'financial',
    fails: (f) => !!f.standing.remainingBalance,
    message: 'Withdraw or use up the remaining balance.',
  },
  { condition: 'unpaid-taxes', group: 'financial', fails: (f) => !!f.standing.unpaidTaxes, message: 'Pay the outstanding taxes.' },
  {
    condition: 'pending-contracts',
    group: 'orders-resources',
    fails: (f) => !!f.standing.pendingContracts,
    message: 'Complete or terminate pending contracts.',
  },
  {
    condition: 'active-orders',
    group: 'orders-resources',
    fails: (f) => !!f.standing.activeOrders,
    message: 'Pay or cancel unfinished orders.',
  },
  {
    condition: 'resources-in-use',
    group: 'orders-resources',
    fails: (f) => !!f.standing.resourcesInUse,
    message: 'Release or delete every cloud resource in use.',
  },
  {
    condition: 'reserved-instances',
    group: 'orders-resources',
    fails: (f) => !!f.standing.reservedInstances,
    message: 'Wait for reserved instances to expire or unsubscribe from them.',
  },
  {
    condition: 'applications-in-progress',
    group: 'orders-resources',
    fails: (f) => !!f.standing.applicationsInProgress,
    message: 'Finish or withdraw applications in progress (tickets, refunds, authentication).',
  },
];

export type CheckResultGroup = GroupResult<CheckGroup>;

export const CHECK_GROUPS: readonly CheckGroup[] = ['account', 'financial', 'orders-resources'];

export function evaluateClosure(facts: ClosureFacts): { passed: boolean; groups: CheckResultGroup[] } {
  return evaluate(CONDITIONS, facts, CHECK_GROUPS);
}

/** R-CL-07: disabling at once needs every outstanding amount paid. */
export function disableBlockers(standing: Standing): Failure[] {
  const facts = { standing, associations: NO_ASSOCIATIONS };
  const blockers = CONDITIONS.filter((c) => ['overdue-payments', 'pending-payments', 'unpaid-taxes'].includes(c.condition));
  return evaluate(blockers, facts, ['financial']).groups.flatMap((g) => g.failures);
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
