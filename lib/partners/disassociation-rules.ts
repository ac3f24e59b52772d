/**
 * Disassociation checks (pure, R-PD-01, R-PD-02, R-PD-05): condition tables over the facts one read loads (the
 * standing, the association facts, the account's currency, the association, the quota windows), each failure
 * named as API.md names it with what to do. Judged with core/checks `evaluate`.
 *
 * Decided here (docs/DESIGN.md "Partners: disassociation"): only a reseller customer requests from My Partner
 * (R-PD-01); a referral customer is answered `not-reseller` (its association ends through the partner, who may
 * request it, or a service ticket). A request already open between the pair fails `request-pending` on both
 * sides (one open request per pair, lib/core/handshake). The partner-side checks apply to either model.
 */
import { type Condition, evaluate } from '../core/checks/conditions.js';
import type { Standing } from '../core/checks/facts.js';
import type { Failure } from '../core/errors.js';
import type { WindowState } from '../core/quota/rolling-window.js';

export interface DisassociationFacts {
  /** The association's model. */
  model: 'reseller' | 'referral';
  standing: Standing;
  /** Associated with an enterprise master or member account (R-PD-02, 003 §6.2). */
  enterpriseAssociated: boolean;
  /** An enterprise master with independent-accounting members (R-PD-02, R-PD-05). */
  independentMembers: boolean;
  /** A master whose unified-accounting members have valid service support plans (R-PD-05; false until issue 12). */
  unifiedMembersServiceSupport: boolean;
  /** The account has chosen its transaction currency (preferences.currency, R-PR-02). */
  currencySet: boolean;
  /** Requests the quotas that apply to this side still allow (R-PD-03, R-PD-06). */
  requestsLeft: number;
  /** A disassociation request is already pending between the customer and its partner. */
  requestPending: boolean;
}

type Side = 'customer' | 'partner';

const QUOTA_MESSAGE =
  'A customer may request disassociation once in three months, and the customer and the partner together three times in three months; wait until nextRequestPossibleAt or ask for a service ticket.';
const PENDING_MESSAGE = 'A disassociation request is already pending between the customer and the partner; wait for its decision.';

/** R-PD-01, R-PD-02, R-PD-03, R-PD-06: what a customer's request from My Partner needs. */
export const CUSTOMER_CONDITIONS: readonly Condition<DisassociationFacts, Side>[] = [
  {
    condition: 'not-reseller',
    group: 'customer',
    fails: (f) => f.model !== 'reseller',
    message: 'Only a customer associated in the reseller model requests disassociation here; ask your partner to request it.',
  },
  {
    condition: 'enterprise-associated',
    group: 'customer',
    fails: (f) => f.enterpriseAssociated,
    message: 'Disassociate from your enterprise master account, or disassociate your member accounts, first.',
  },
  {
    condition: 'independent-members',
    group: 'customer',
    fails: (f) => f.independentMembers,
    message: 'Disassociate from all independent-accounting member accounts first.',
  },
  {
    condition: 'arrears',
    group: 'customer',
    fails: (f) => f.standing.overduePayments === true,
    message: 'Your account is in arrears: ask your partner to raise the credit limit to write off the arrears first.',
  },
  {
    condition: 'reserved-instances',
    group: 'customer',
    fails: (f) => f.standing.reservedInstances === true,
    message: 'Unsubscribe from your valid reserved instances first.',
  },
  {
    condition: 'partner-support-plan',
    group: 'customer',
    fails: (f) => f.standing.partnerSupportPlan === true,
    message: 'Unsubscribe from the partner support plan first.',
  },
  {
    condition: 'currency-not-set',
    group: 'customer',
    fails: (f) => !f.currencySet,
    message: 'Set your currency in the account center (preferences) first.',
  },
  {
    condition: 'special-contract',
    group: 'customer',
    fails: (f) => f.standing.specialContract === true,
    message: 'You have an effective special commerce contract: settle it with your partner offline first.',
  },
  {
    condition: 'orders-awaiting-partner-payment',
    group: 'customer',
    fails: (f) => f.standing.ordersAwaitingPartnerPayment === true,
    message: 'Cancel the orders awaiting payment by your partner, or ask your partner to pay them, first.',
  },
  { condition: 'request-pending', group: 'customer', fails: (f) => f.requestPending, message: PENDING_MESSAGE },
  { condition: 'request-quota', group: 'customer', fails: (f) => f.requestsLeft === 0, message: QUOTA_MESSAGE },
];

/** R-PD-05, R-PD-06: what a partner's request needs. */
export const PARTNER_CONDITIONS: readonly Condition<DisassociationFacts, Side>[] = [
  {
    condition: 'independent-members',
    group: 'partner',
    fails: (f) => f.independentMembers,
    message: 'The customer is an enterprise master with independent-accounting members: they must be disassociated first.',
  },
  {
    condition: 'manually-frozen',
    group: 'partner',
    fails: (f) => f.standing.manuallyFrozen === true,
    message: 'The customer account is manually frozen: unfreeze it first.',
  },
  {
    condition: 'reserved-instances',
    group: 'partner',
    fails: (f) => f.standing.reservedInstances === true,
    message: 'The customer has valid reserved instances: they must be unsubscribed first.',
  },
  {
    condition: 'partner-support-plan',
    group: 'partner',
    fails: (f) => f.standing.partnerSupportPlan === true,
    message: 'The customer has a valid partner support plan: it must be unsubscribed first.',
  },
  {
    condition: 'service-support-plan',
    group: 'partner',
    fails: (f) => f.standing.serviceSupportPlan === true,
    message: 'The customer has a valid service support plan: it must end or be unsubscribed first.',
  },
  {
    condition: 'unified-members-service-support',
    group: 'partner',
    fails: (f) => f.unifiedMembersServiceSupport,
    message: "The customer's unified-accounting members have valid service support plans: they must end first.",
  },
  { condition: 'request-pending', group: 'partner', fails: (f) => f.requestPending, message: PENDING_MESSAGE },
  {
    condition: 'request-quota',
    group: 'partner',
    fails: (f) => f.requestsLeft === 0,
    message:
      'The partner and the customer together may request disassociation three times in three months; wait until nextRequestPossibleAt or ask the customer for a service ticket.',
  },
];

/**
 * R-PD-09 (seed 004): the customer-side conditions an operator's ticket path still applies (reseller model):
 * enterprise association, arrears, reserved instances. The quotas and the pending request do not apply: the ticket
 * is the way beyond the quota, and it cancels a pending request.
 */
export const TICKET_CONDITIONS: readonly Condition<DisassociationFacts, Side>[] = CUSTOMER_CONDITIONS.filter((c) =>
  ['enterprise-associated', 'arrears', 'reserved-instances'].includes(c.condition),
);

export interface CheckAnswer {
  passed: boolean;
  failures: Failure[];
}

function judge(conditions: readonly Condition<DisassociationFacts, Side>[], side: Side, facts: DisassociationFacts): CheckAnswer {
  const { passed, groups } = evaluate(conditions, facts, [side]);
  return { passed, failures: groups.flatMap((g) => g.failures) };
}

export const customerChecks = (facts: DisassociationFacts): CheckAnswer => judge(CUSTOMER_CONDITIONS, 'customer', facts);
export const partnerChecks = (facts: DisassociationFacts): CheckAnswer => judge(PARTNER_CONDITIONS, 'partner', facts);
/** The ticket path checks only a reseller customer (seed 004: "for a customer associated … by reseller model"). */
export const ticketChecks = (facts: DisassociationFacts): CheckAnswer =>
  facts.model === 'reseller' ? judge(TICKET_CONDITIONS, 'customer', facts) : { passed: true, failures: [] };

/**
 * What several windows allow together (visible quotas, issue 11): the fewest uses left of any, and — when that is
 * none — the time from which every exhausted window allows one again (the latest of their `nextAllowedAt`).
 */
export function requestsVisible(windows: readonly WindowState[]): { requestsLeft: number; nextRequestPossibleAt?: string } {
  const requestsLeft = Math.min(...windows.map((w) => w.left));
  if (requestsLeft > 0) return { requestsLeft };
  const next = Math.max(...windows.filter((w) => w.left === 0 && w.nextAllowedAt).map((w) => w.nextAllowedAt!.getTime()));
  return { requestsLeft, ...(Number.isFinite(next) ? { nextRequestPossibleAt: new Date(next).toISOString() } : {}) };
}
