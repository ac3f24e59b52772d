/**
 * The enterprise area's pure condition tables (issue 12): who may enable Enterprise Center (R-MM-01) and whom a
 * master may invite (R-MM-01, R-MM-04, R-MM-07), each condition named with what to do.
 */
import { type Failure, RuleViolation } from '../core/errors.js';
import { enterpriseConfig } from '../core/config.js';
import { type Condition, evaluate } from '../core/checks/conditions.js';
import type { AccountFacts } from '../core/checks/facts.js';
import type { Permission } from './kinds.js';

export { MEMBER_IMPACTS } from './kinds.js';

export interface EnableFacts {
  accountType: 'unset' | 'individual' | 'enterprise';
  facts: AccountFacts;
}

/** R-MM-01: an enterprise account that has not joined the partner program, is no member and not suspended. */
export const ENABLE_CONDITIONS: readonly Condition<EnableFacts, 'enable'>[] = [
  {
    condition: 'not-enterprise-account',
    group: 'enable',
    fails: (f) => f.accountType !== 'enterprise',
    message: 'Set the account type to enterprise first.',
  },
  {
    condition: 'partner-program',
    group: 'enable',
    fails: (f) => f.facts.associations.partnerProgram,
    message: 'The account has joined the partner program; an enterprise master cannot be a partner.',
  },
  {
    condition: 'enterprise-member',
    group: 'enable',
    fails: (f) => f.facts.associations.enterpriseMember,
    message: 'The account is a member of an enterprise master; ask the master to disassociate it first.',
  },
  {
    condition: 'account-suspended',
    group: 'enable',
    fails: (f) => f.facts.standing.suspended === true,
    message: 'The account is suspended. Contact customer service.',
  },
];

export const enableFailures = (f: EnableFacts): Failure[] =>
  evaluate(ENABLE_CONDITIONS, f, ['enable'] as const).groups.flatMap((g) => g.failures);

export interface InviteFacts {
  masterId: string;
  inviteeId: string;
  master: AccountFacts;
  invitee: AccountFacts;
}

/**
 * The master's side of an invitation (judged when it invites, and again at acceptance): only the master's own
 * conditions, so the master's answer tells it nothing about an arbitrary account (issue 12 review).
 */
export const MASTER_INVITE_CONDITIONS: readonly Condition<Omit<InviteFacts, 'invitee'>, 'invite'>[] = [
  {
    condition: 'master-suspended',
    group: 'invite',
    fails: (f) => f.master.standing.suspended === true,
    message: 'The master account is suspended. Contact customer service.',
  },
  {
    condition: 'self',
    group: 'invite',
    fails: (f) => f.masterId === f.inviteeId,
    message: 'A master cannot invite itself.',
  },
];

/**
 * The invitee's side (judged only when the invitee accepts, named to the invitee, who is the one able to act; never
 * answered to the master at invitation: these are facts about the invitee's account).
 */
export const INVITEE_CONDITIONS: readonly Condition<Pick<InviteFacts, 'invitee'>, 'invite'>[] = [
  {
    condition: 'already-member',
    group: 'invite',
    fails: (f) => f.invitee.associations.enterpriseMember,
    message: 'Your account is already a member of an enterprise master; it must be disassociated first.',
  },
  {
    condition: 'invitee-is-master',
    group: 'invite',
    fails: (f) => f.invitee.associations.enterpriseMaster,
    message: 'Your account is an enterprise master itself; a master cannot be a member.',
  },
  {
    // R-MM-04: the master pays the member's expenditures, which conflicts with a partner's billing.
    condition: 'partner-associated',
    group: 'invite',
    fails: (f) => f.invitee.associations.partnerAssociated,
    message: 'Your account is associated with a partner; disassociate from the partner first.',
  },
  {
    condition: 'partner-program',
    group: 'invite',
    fails: (f) => f.invitee.associations.partnerProgram,
    message: 'Your account has joined the partner program; it cannot be an enterprise member.',
  },
  {
    // R-MM-03: a suspended member could never be disassociated (member-suspended); have it lifted first.
    condition: 'invitee-suspended',
    group: 'invite',
    fails: (f) => f.invitee.standing.suspended === true || f.invitee.associations.awaitingPaymentMethod,
    message: 'Your account is suspended; have the suspension lifted (or bind a payment method) first.',
  },
];

/** The master's conditions (at invitation). */
export const masterInviteFailures = (f: Omit<InviteFacts, 'invitee'>): Failure[] =>
  evaluate(MASTER_INVITE_CONDITIONS, f, ['invite'] as const).groups.flatMap((g) => g.failures);

/** The invitee's conditions (at acceptance). */
export const inviteeFailures = (f: Pick<InviteFacts, 'invitee'>): Failure[] =>
  evaluate(INVITEE_CONDITIONS, f, ['invite'] as const).groups.flatMap((g) => g.failures);

/** Both sides (at acceptance, and when the master creates a member account). */
export const inviteFailures = (f: InviteFacts): Failure[] => [...masterInviteFailures(f), ...inviteeFailures(f)];

/** R-MM-08: the granted permissions that were not requested (each one is a bad field). */
export const notRequested = (granted: readonly Permission[], requested: readonly Permission[]): Permission[] =>
  granted.filter((p) => !requested.includes(p));

export interface DisassociationFacts {
  master: AccountFacts;
  member: AccountFacts;
}

/**
 * R-MM-03: a master may end an association only when the member has no unpaid orders and is not suspended, and the
 * master is not suspended (checked at the request and again when the member agrees), each named with what to do.
 */
export const DISASSOCIATION_CONDITIONS: readonly Condition<DisassociationFacts, 'disassociate'>[] = [
  {
    condition: 'member-unpaid-orders',
    group: 'disassociate',
    fails: (f) => f.member.standing.unpaidOrders === true,
    message: 'The member account has unpaid orders; pay or cancel them first.',
  },
  {
    condition: 'member-suspended',
    group: 'disassociate',
    fails: (f) => f.member.standing.suspended === true || f.member.associations.awaitingPaymentMethod,
    message: 'The member account is suspended; have the suspension lifted (or a payment method bound) first.',
  },
  {
    condition: 'master-suspended',
    group: 'disassociate',
    fails: (f) => f.master.standing.suspended === true,
    message: 'The master account is suspended. Contact customer service.',
  },
];

export const disassociationFailures = (f: DisassociationFacts): Failure[] =>
  evaluate(DISASSOCIATION_CONDITIONS, f, ['disassociate'] as const).groups.flatMap((g) => g.failures);

/** `enterpriseConfig.maxMembers` members already (tag `member-cap` of the counters' write). */
export const memberCapRefusal = () =>
  new RuleViolation('QUOTA_EXCEEDED', 'The master has the most members it may have.', [
    {
      condition: 'member-cap',
      message: `A master may have at most ${enterpriseConfig.maxMembers} members; the master must disassociate one first.`,
    },
  ]);
