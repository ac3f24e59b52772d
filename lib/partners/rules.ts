/**
 * Association preconditions as a condition table (R-PA-02 for every model, R-PA-03 for the reseller model too),
 * judged by core/checks `evaluate` over the facts the one facts loader reads plus the account's registration
 * time. Each failure names the condition and what to do. Pure.
 *
 * Decisions (docs/DESIGN.md "Partners"): "unpaid bills" is an overdue or a pending payment in the standing (bills
 * issued and not settled); "registered on the Chinese mainland site" is the standing's `site`; enterprise facts
 * (`enterpriseUnifiedMember`, `enterpriseMember`, `masterWithIndependentMembers`) are false until the enterprise
 * area (issue 12) writes them.
 */
import type { Associations, Standing } from '../core/checks/facts.js';
import { type Condition, evaluate } from '../core/checks/conditions.js';
import { type Failure, RuleViolation } from '../core/errors.js';
import type { PartnerModel } from './model.js';

/** R-PA-02: a customer registered more than this long ago cannot be associated. */
export const NEW_CUSTOMER_SECONDS = 7 * 86_400;

export interface AssociationFacts {
  standing: Standing;
  associations: Associations;
  /** The account's `createdAt`. */
  registeredAt: string;
  at: Date;
}

export type PreconditionGroup = 'all-models' | 'reseller';

export const ASSOCIATION_PRECONDITIONS: readonly Condition<AssociationFacts, PreconditionGroup>[] = [
  // R-PA-02: every model
  {
    condition: 'chinese-mainland-site',
    group: 'all-models',
    fails: (f) => f.standing.site === 'chinese-mainland',
    message:
      'Accounts of the Chinese mainland site cannot be associated with a partner here; contact the partner about its Chinese mainland offer.',
  },
  {
    condition: 'another-partner',
    group: 'all-models',
    fails: (f) => f.associations.partnerAssociated,
    message: 'Your account is associated with a partner; disassociate from it first.',
  },
  {
    condition: 'special-contract',
    group: 'all-models',
    fails: (f) => f.standing.specialContract === true,
    message: 'Your account has a special contract with us; contact your account manager to end it before associating.',
  },
  {
    condition: 'registered-over-7-days',
    group: 'all-models',
    fails: (f) => f.at.getTime() - Date.parse(f.registeredAt) > NEW_CUSTOMER_SECONDS * 1000,
    message:
      'Only accounts registered within the last 7 days can associate by invitation; ask the partner to associate you through a service ticket.',
  },
  {
    condition: 'cash-expenditure',
    group: 'all-models',
    fails: (f) => f.standing.cashExpenditure === true,
    message: 'Your account has cash expenditure records; ask the partner to associate you through a service ticket.',
  },
  {
    condition: 'unpaid-bills',
    group: 'all-models',
    fails: (f) => f.standing.overduePayments === true || f.standing.pendingPayments === true,
    message: 'Settle your unpaid bills in the Billing Center first.',
  },
  {
    condition: 'unified-accounting-member',
    group: 'all-models',
    fails: (f) => f.associations.enterpriseUnifiedMember,
    message: 'Your account is a unified-accounting member of an enterprise master; leave the enterprise organisation first.',
  },
  // R-PA-03: the reseller model too
  {
    condition: 'professional-service-contract',
    group: 'reseller',
    fails: (f) => f.standing.professionalServiceContract === true,
    message: 'Your account has a professional service contract; end it first, or use a referral invitation.',
  },
  {
    condition: 'reserved-instances',
    group: 'reseller',
    fails: (f) => f.standing.reservedInstances === true,
    message: 'Your account has valid reserved instances; wait until they expire, or use a referral invitation.',
  },
  {
    condition: 'enterprise-member',
    group: 'reseller',
    fails: (f) => f.associations.enterpriseMember,
    message:
      'Enterprise member accounts cannot associate in the reseller model; leave the enterprise organisation first, or use a referral invitation.',
  },
  {
    condition: 'master-with-independent-members',
    group: 'reseller',
    fails: (f) => f.associations.masterWithIndependentMembers,
    message: 'An enterprise master with independent-accounting members cannot associate in the reseller model; use a referral invitation.',
  },
];

/** Every failed precondition for the model, in table order (empty: the customer may associate). */
export function associationFailures(model: PartnerModel, facts: AssociationFacts): Failure[] {
  const groups: PreconditionGroup[] = model === 'reseller' ? ['all-models', 'reseller'] : ['all-models'];
  return evaluate(ASSOCIATION_PRECONDITIONS, facts, groups).groups.flatMap((g) => g.failures);
}

/** R-PA-04: a reseller customer is frozen on association until its partner sets a budget. */
export const frozenOnAssociation = (model: PartnerModel): boolean => model === 'reseller';

/**
 * R-PA-05: in the reseller model cash coupons pay only orders created before the association; the time to show
 * (GET /v1/partner `couponsApplyToOrdersBefore`). A referral customer's coupons are not limited (undefined).
 */
export const couponsApplyToOrdersBefore = (a: { model: PartnerModel; associatedAt: string }): string | undefined =>
  a.model === 'reseller' ? a.associatedAt : undefined;

/**
 * R-MM-01 (issue 12): Enterprise Center is for accounts outside the partner program, so an Enterprise Center master
 * joins no partner organisation — neither enrolled by an operator nor accepting a staff invitation. Judged on the
 * `enterpriseMaster` fact inside the joining transaction (lib/core/checks/store.ts partnerProgramSet).
 */
export const ENTERPRISE_MASTER: Failure = {
  condition: 'enterprise-master',
  message: 'The account is an enterprise master (Enterprise Center is enabled); an enterprise master cannot join the partner program.',
};
export const enterpriseMasterRefusal = (): RuleViolation =>
  new RuleViolation('CHECK_FAILED', 'The account cannot join the partner program.', [ENTERPRISE_MASTER]);
