/**
 * Associating a customer with a partner by invitation (R-PA-01..05), shared by log-in-and-associate
 * (./associatePartner.ts) and register-and-associate (./signUpWithInvitation.ts):
 *   1. `openInvitation`: the token names an invitation whose secret matches (constant time), not revoked, not
 *      expired — otherwise 422 NOT_ALLOWED naming only `invitation-invalid`/`-revoked`/`-expired`;
 *   2. `associationWrites`: the preconditions (./rules.ts) over the customer's facts, every failure at once; then
 *      the transaction items: pointer (attribute_not_exists: one partner per customer, also under races),
 *      association item, facts (`partnerAssociated`, `partnerFrozen`), the invitation still open, the standing
 *      unchanged since it was judged, the log (`associated`, `frozen` for reseller, `authorization-granted`) on
 *      every view, and the audit trace on the customer.
 */
import type { Origin } from '../core/caller.js';
import { auditWrite } from '../core/audit/audit.js';
import { logWrites, pairViews } from '../core/association-log/log.js';
import type { AccountFacts } from '../core/checks/facts.js';
import { Conflict, type Failure, RuleViolation } from '../core/errors.js';
import type { ConditionFailed, TransactItem } from '../core/store/writes.js';
import { parseInvitationToken, secretMatches } from './invitation-token.js';
import type { IndexExtras } from './customer-index.js';
import type { Association, Invitation } from './model.js';
import { associationFailures, frozenOnAssociation } from './rules.js';
import { associationCreateWrites, invitationStillOpen, loadInvitation, loadStaffRole, notStaffOf, standingIs } from './store.js';

const INVALID = { condition: 'invitation-invalid', message: 'The invitation link is not valid; ask the partner for a new one.' };
const REVOKED = { condition: 'invitation-revoked', message: 'The partner revoked this invitation; ask the partner for a new one.' };
const EXPIRED = { condition: 'invitation-expired', message: 'The invitation has expired; ask the partner for a new one.' };
const STAFF = { condition: 'partner-staff', message: "A partner's own staff cannot be its customer; use another account." };
const ANOTHER_PARTNER = { condition: 'another-partner', message: 'Your account is associated with a partner; disassociate from it first.' };

const refused = (failures: Failure[]) => new RuleViolation('NOT_ALLOWED', 'The account cannot be associated with the partner.', failures);

/** A hash of the right shape to compare against when no invitation is found (the compare costs the same). */
const NO_HASH = 'A'.repeat(43);

/** The invitation a token opens at `at`; anything else is 422 naming only why the token does not work. */
export async function openInvitation(token: string, at: Date): Promise<Invitation> {
  const parsed = parseInvitationToken(token);
  const invitation = parsed ? await loadInvitation(parsed.invitationId) : undefined;
  const matches = secretMatches(parsed?.secret ?? '', invitation?.secretHash ?? NO_HASH);
  if (!invitation || !matches) throw refused([INVALID]);
  if (invitation.revokedAt) throw refused([REVOKED]);
  if (at.toISOString() >= invitation.expiresAt) throw refused([EXPIRED]);
  return invitation;
}

export interface Customer {
  accountId: string;
  /** Created in this very transaction (register-and-associate): it cannot be anybody's staff yet. */
  isNew?: boolean;
  createdAt: string;
  /** Shared with the partner (the instructions the customer accepted say so). */
  name: string;
  /** The account (tenant) name, normalised (./accounts.ts `customerAccountOf`): the records' search key. */
  account: string;
  /** The customer-list index values taken from the account (./customer-contact.ts `indexExtrasOf`, R-PD-10). */
  indexExtras?: IndexExtras;
}

/**
 * The association of `customer` by `invitation`, or 422 with every failed precondition. `facts` are the
 * customer's (a new account: none recorded).
 */
export async function associationWrites(input: {
  invitation: Invitation;
  customer: Customer;
  facts: AccountFacts;
  authorizeOperations: boolean;
  origin: Origin;
  at: Date;
}): Promise<{ association: Association; items: TransactItem[] }> {
  const { invitation, customer, facts, at } = input;
  const staff = customer.isNew ? undefined : await loadStaffRole(customer.accountId);
  const failures = [
    ...(staff?.partnerId === invitation.partnerId ? [STAFF] : []),
    ...associationFailures(invitation.model, {
      standing: facts.standing,
      associations: facts.associations,
      registeredAt: customer.createdAt,
      at,
    }),
  ];
  if (failures.length) throw refused(failures);

  const time = at.toISOString();
  const association: Association = {
    partnerId: invitation.partnerId,
    customerId: customer.accountId,
    model: invitation.model,
    associatedAt: time,
    invitationId: invitation.invitationId,
    frozen: frozenOnAssociation(invitation.model),
    authorized: input.authorizeOperations,
    ...(input.authorizeOperations ? { authorizedAt: time } : {}),
    customerName: customer.name,
    customerAccount: customer.account,
    ...(customer.indexExtras ? { indexExtras: customer.indexExtras } : {}),
    version: 1,
  };
  const entry = {
    area: 'partner' as const,
    partnerId: invitation.partnerId,
    customerId: customer.accountId,
    customerName: customer.name,
    customerAccount: customer.account,
    model: invitation.model,
    time,
  };
  const actor = { kind: 'account' as const, id: customer.accountId };
  const views = pairViews(invitation.partnerId, customer.accountId);
  const items = [
    ...associationCreateWrites(association),
    invitationStillOpen(invitation.invitationId),
    ...(customer.isNew ? [] : [notStaffOf(customer.accountId, invitation.partnerId)]),
    standingIs(customer.accountId, facts.standingVersion),
    ...logWrites({ ...entry, event: 'associated', actor, details: { invitationId: invitation.invitationId } }, views),
    ...(association.frozen
      ? logWrites(
          { ...entry, event: 'frozen', actor: { kind: 'system', id: 'association' }, details: { reason: 'reseller-association' } },
          views,
        )
      : []),
    ...(association.authorized ? logWrites({ ...entry, event: 'authorization-granted', actor }, views) : []),
    auditWrite({
      accountId: customer.accountId,
      traceName: 'associatePartner',
      request: input.origin,
      result: 'success',
      changes: [
        { field: 'partnerId', new: invitation.partnerId },
        { field: 'partnerModel', new: invitation.model },
        { field: 'partnerAuthorization', new: association.authorized },
      ],
    }),
  ];
  return { association, items };
}

/** What a failed association transaction means (undefined: not ours). */
export function associationFailure(failure: ConditionFailed): Error | undefined {
  if (failure.failed('pointer') || failure.failed('association')) return refused([ANOTHER_PARTNER]);
  if (failure.failed('invitation')) return refused([REVOKED]);
  if (failure.failed('staff')) return refused([STAFF]);
  if (failure.failed('facts')) return new Conflict('STATE_CONFLICT', 'Your account changed meanwhile; try again.');
  return undefined;
}

/** The answer of an association (R-PA-01). */
export const associationAnswer = (a: Association) => ({ partnerId: a.partnerId, model: a.model, frozen: a.frozen });
