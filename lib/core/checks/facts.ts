/**
 * The facts a check judges an account on, loaded once per account (issue 10: core/checks). Two items:
 * the standing (billing, order and contract facts an operator records; versioned, closure conditions its
 * commit on the version it judged) and the association facts, written by the areas that own them (partners,
 * enterprise) in the same transaction as the change, so every check reads them with one BatchGetItem and no
 * area imports another to ask.
 */
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
  // Issue 12 (R-MM-03/04): an operator suspends an account; orders not paid yet (a disassociation blocker).
  'suspended',
  'unpaidOrders',
] as const;

export type StandingFlag = (typeof STANDING_FLAGS)[number];
export type Standing = Partial<Record<StandingFlag, boolean>> & {
  site?: 'international' | 'chinese-mainland';
  /** Billing figures shown and searched in the partner's customer list (R-PD-10), recorded like the flags. */
  monthToDateExpenditure?: number;
  /** ISO date (YYYY-MM-DD) on which the customer's first resource expires (R-PD-10). */
  resourcesExpireAt?: string;
};

/** Association facts; an area that owns one sets it with `associationFactsWrite` inside its own transaction. */
export interface Associations {
  partnerAssociated: boolean;
  enterpriseAssociated: boolean;
  /** Staff of a partner organisation (partners, issue 11): no individual real-name authentication (R-RN-05). */
  partnerProgram: boolean;
  /** A reseller customer frozen until its partner sets a budget (R-PA-04). */
  partnerFrozen: boolean;
  /** Enterprise facts (written by the enterprise issue 12; false until it lands): R-PA-02/03 read them. */
  enterpriseMember: boolean;
  enterpriseUnifiedMember: boolean;
  masterWithIndependentMembers: boolean;
  /** A master whose unified-accounting members have valid service support plans (R-PD-05; issue 12 writes it). */
  unifiedMembersServiceSupport: boolean;
  /** Enterprise Center enabled (R-MM-01; issue 12). */
  enterpriseMaster: boolean;
  /** R-MM-05: a member the master created, disassociated before binding a payment method (cleared when it binds one). */
  awaitingPaymentMethod: boolean;
}

export const ASSOCIATION_FACTS = [
  'partnerAssociated',
  'enterpriseAssociated',
  'partnerProgram',
  'partnerFrozen',
  'enterpriseMember',
  'enterpriseUnifiedMember',
  'masterWithIndependentMembers',
  'unifiedMembersServiceSupport',
  'enterpriseMaster',
  'awaitingPaymentMethod',
] as const satisfies ReadonlyArray<keyof Associations>;

export const NO_ASSOCIATIONS: Associations = {
  partnerAssociated: false,
  enterpriseAssociated: false,
  partnerProgram: false,
  partnerFrozen: false,
  enterpriseMember: false,
  enterpriseUnifiedMember: false,
  masterWithIndependentMembers: false,
  unifiedMembersServiceSupport: false,
  enterpriseMaster: false,
  awaitingPaymentMethod: false,
};

/** A master's member counters on its facts item (issue 12), changed with ADD by lib/enterprise only. */
export const MEMBER_COUNTERS = ['enterpriseMembers', 'unifiedMembers', 'independentMembers'] as const;
export type MemberCounts = Record<(typeof MEMBER_COUNTERS)[number], number>;

export interface AccountFacts {
  standing: Standing;
  /** The standing item's version (0: never recorded). */
  standingVersion: number;
  associations: Associations;
  /** A member's master (issue 12; absent for an account that is no enterprise member). */
  masterAccountId?: string;
  /**
   * R-MM-04: the member's master is suspended (its standing's `suspended`), read when the facts are loaded — a
   * member sees its master's suspension on its very next request (set only for a member).
   */
  masterSuspended?: boolean;
  /** A master's members by accounting mode (issue 12; absent for an account that never had a member). */
  memberCounts?: MemberCounts;
}
