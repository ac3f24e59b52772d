/**
 * The enterprise area's pure condition tables (issue 12): who may enable Enterprise Center (R-MM-01) and whom a
 * master may invite (R-MM-01, R-MM-04, R-MM-07), each condition named with what to do.
 */
import type { Failure } from '../core/errors.js';
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

/** Whom a master may invite (checked at invitation and again at acceptance). */
export const INVITE_CONDITIONS: readonly Condition<InviteFacts, 'invite'>[] = [
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
  {
    condition: 'already-member',
    group: 'invite',
    fails: (f) => f.invitee.associations.enterpriseMember,
    message: 'The account is already a member of an enterprise master; it must be disassociated first.',
  },
  {
    condition: 'invitee-is-master',
    group: 'invite',
    fails: (f) => f.invitee.associations.enterpriseMaster,
    message: 'The account is an enterprise master itself; a master cannot be a member.',
  },
  {
    // R-MM-04: the master pays the member's expenditures, which conflicts with a partner's billing.
    condition: 'partner-associated',
    group: 'invite',
    fails: (f) => f.invitee.associations.partnerAssociated,
    message: 'The account is associated with a partner; it must disassociate from the partner first.',
  },
  {
    condition: 'partner-program',
    group: 'invite',
    fails: (f) => f.invitee.associations.partnerProgram,
    message: 'The account has joined the partner program; it cannot be an enterprise member.',
  },
];

export const inviteFailures = (f: InviteFacts): Failure[] =>
  evaluate(INVITE_CONDITIONS, f, ['invite'] as const).groups.flatMap((g) => g.failures);

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
