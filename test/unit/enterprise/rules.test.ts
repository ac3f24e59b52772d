/**
 * Issue 12: the enterprise area's pure tables — who may enable Enterprise Center (R-MM-01), whom a master may invite
 * (R-MM-01, R-MM-04, R-MM-07), the permissions a member may grant (R-MM-08) — and the enterprise-invitation
 * handshake's transitions (R-MM-07: only the invited account decides, only the master cancels, 15 days).
 */
import { describe, expect, it } from 'vitest';
import { type AccountFacts, type Associations, NO_ASSOCIATIONS, type Standing } from '../../../lib/core/checks/facts.js';
import {
  type HandshakeActor,
  type HandshakeMove,
  type HandshakeRequest,
  type HandshakeState,
  decide,
  open,
  openScope,
} from '../../../lib/core/handshake/machine.js';
import { ENTERPRISE_DISASSOCIATION, ENTERPRISE_INVITATION, MEMBER_IMPACTS, PERMISSIONS } from '../../../lib/enterprise/kinds.js';
import { enableFailures, inviteFailures, inviteeFailures, masterInviteFailures, notRequested } from '../../../lib/enterprise/rules.js';

const facts = (associations: Partial<Associations> = {}, standing: Standing = {}): AccountFacts => ({
  standing,
  standingVersion: 0,
  associations: { ...NO_ASSOCIATIONS, ...associations },
});
const names = (failures: { condition: string }[]) => failures.map((f) => f.condition);

describe('R-MM-01: who may enable Enterprise Center (issue 12)', () => {
  it.each([
    ['an enterprise account', 'enterprise', facts(), []],
    ['an individual account', 'individual', facts(), ['not-enterprise-account']],
    ['an account of no type yet', 'unset', facts(), ['not-enterprise-account']],
    ['a partner-program account', 'enterprise', facts({ partnerProgram: true }), ['partner-program']],
    ['a member of a master', 'enterprise', facts({ enterpriseMember: true }), ['enterprise-member']],
    ['a suspended account', 'enterprise', facts({}, { suspended: true }), ['account-suspended']],
    ['an individual partner-program account', 'individual', facts({ partnerProgram: true }), ['not-enterprise-account', 'partner-program']],
  ] as const)('R-MM-01: %s → %j', (_, accountType, f, expected) => {
    expect(names(enableFailures({ accountType, facts: f }))).toEqual(expected);
  });
});

describe("R-MM-01/04/07: the master-side invitation conditions — judged at invitation, only the master's own (issue 12 review item 1)", () => {
  it.each([
    ['an account', 'm', 'a', facts(), []],
    ['itself', 'm', 'm', facts(), ['self']],
    ['while the master is suspended', 'm', 'a', facts({}, { suspended: true }), ['master-suspended']],
    ['itself while suspended', 'm', 'm', facts({}, { suspended: true }), ['master-suspended', 'self']],
  ] as const)('%s → %j', (_, masterId, inviteeId, master, expected) => {
    expect(names(masterInviteFailures({ masterId, inviteeId, master }))).toEqual(expected);
  });

  it('R-MM-04: no invitee fact changes the master-side answer (a master learns nothing about an arbitrary account)', () => {
    const invitee = facts(
      { enterpriseMember: true, enterpriseMaster: true, partnerAssociated: true, partnerProgram: true },
      { suspended: true },
    );
    expect(names(masterInviteFailures({ masterId: 'm', inviteeId: 'a', master: facts(), invitee } as never))).toEqual([]);
  });
});

describe('R-MM-03/04/07: the invitee-side conditions — judged when the invitee accepts, named to it (issue 12 review items 1, 3)', () => {
  it.each([
    ['an unassociated account', facts(), []],
    ['a member of any master', facts({ enterpriseMember: true, enterpriseAssociated: true }), ['already-member']],
    ['another master', facts({ enterpriseMaster: true }), ['invitee-is-master']],
    ["a partner's customer (R-MM-04: the master pays)", facts({ partnerAssociated: true }), ['partner-associated']],
    ['a partner-program account', facts({ partnerProgram: true }), ['partner-program']],
    ['a suspended account (R-MM-03: never disassociable)', facts({}, { suspended: true }), ['invitee-suspended']],
    ['an account awaiting a payment method (R-MM-05)', facts({ awaitingPaymentMethod: true }), ['invitee-suspended']],
  ] as const)('%s → %j', (_, invitee, expected) => {
    expect(names(inviteeFailures({ invitee }))).toEqual(expected);
  });

  it("R-MM-04: at acceptance both sides are judged, the master's first", () => {
    const failures = inviteFailures({
      masterId: 'm',
      inviteeId: 'a',
      master: facts({}, { suspended: true }),
      invitee: facts({ partnerProgram: true }),
    });
    expect(names(failures)).toEqual(['master-suspended', 'partner-program']);
  });
});

describe('R-MM-08: the member grants a subset of the requested permissions', () => {
  it.each([
    [[], [], []],
    [['view-bills'], ['view-bills', 'manage-budgets'], []],
    [['issue-invoices', 'view-bills'], ['view-bills'], ['issue-invoices']],
  ] as const)('granting %j of %j: not requested %j', (granted, requested, expected) => {
    expect(notRequested([...granted], [...requested])).toEqual(expected);
  });

  it('R-MM-08: the permissions a master may request; R-MM-04: five impacts shown before accepting', () => {
    expect(PERMISSIONS).toEqual(['view-bills', 'manage-budgets', 'issue-invoices']);
    expect(MEMBER_IMPACTS).toHaveLength(5);
    expect(MEMBER_IMPACTS.at(-1)).toMatch(/suspended if the master account is suspended/);
  });
});

describe('R-MM-07: the enterprise-invitation handshake as a transition table', () => {
  const CREATED = new Date('2026-01-01T00:00:00.000Z');
  const BEFORE = new Date('2026-01-15T23:59:59.000Z');
  const AFTER = new Date('2026-01-16T00:00:00.000Z');
  const opened = open(
    ENTERPRISE_INVITATION,
    { id: 'ei_1', initiator: { id: 'master', role: 'master' }, counterparty: { id: 'member', role: 'member' } },
    CREATED,
  );
  if (!opened.ok) throw new Error('open failed');
  const at = (state: HandshakeState): HandshakeRequest => ({ ...opened.next, state });
  const ACTORS: Record<string, HandshakeActor> = {
    master: { party: 'master' },
    invitee: { party: 'member' },
    other: { party: 'another-account' },
    scheduler: { system: 'scheduler' },
  };

  it('R-MM-07: an invitation expires 15 days after it was sent; one open per invited account whoever invites', () => {
    expect(opened.next.expiresAt).toBe('2026-01-16T00:00:00.000Z');
    expect(openScope(ENTERPRISE_INVITATION, 'master-a', 'member')).toBe(openScope(ENTERPRISE_INVITATION, 'master-b', 'member'));
    expect(openScope(ENTERPRISE_DISASSOCIATION, 'master-a', 'member')).not.toBe(openScope(ENTERPRISE_DISASSOCIATION, 'master-b', 'member'));
  });

  it.each([
    ['R-MM-01: only a master opens', { id: 'member', role: 'member' }, { id: 'master', role: 'master' }, 'role-cannot-initiate'],
    ['a master cannot invite itself', { id: 'master', role: 'master' }, { id: 'master', role: 'member' }, 'same-party'],
  ] as const)('%s', (_, initiator, counterparty, reason) => {
    const refused = open(ENTERPRISE_INVITATION, { id: 'ei_2', initiator, counterparty }, CREATED);
    expect(refused).toEqual({ ok: false, reason });
  });

  const table: Array<[string, HandshakeState, Date, string, HandshakeMove, true | string]> = [
    ['the invitee accepts', 'pending', BEFORE, 'invitee', 'accept', true],
    ['the invitee rejects', 'pending', BEFORE, 'invitee', 'reject', true],
    ['the master cancels', 'pending', BEFORE, 'master', 'cancel', true],
    ['the master cannot accept', 'pending', BEFORE, 'master', 'accept', 'initiator-cannot-accept'],
    ['the master cannot reject', 'pending', BEFORE, 'master', 'reject', 'initiator-cannot-reject'],
    ['the invitee cannot cancel', 'pending', BEFORE, 'invitee', 'cancel', 'counterparty-cannot-cancel'],
    ['another account cannot accept', 'pending', BEFORE, 'other', 'accept', 'not-your-request'],
    ['another account cannot cancel', 'pending', BEFORE, 'other', 'cancel', 'not-your-request'],
    ['the scheduler does not expire it early', 'pending', BEFORE, 'scheduler', 'expire', 'not-expired-yet'],
    ['the scheduler expires it at expiresAt', 'pending', AFTER, 'scheduler', 'expire', true],
    ['the invitee cannot accept a lapsed one', 'pending', AFTER, 'invitee', 'accept', 'expired'],
    ['the master cannot cancel a lapsed one', 'pending', AFTER, 'master', 'cancel', 'expired'],
    ...(['accepted', 'rejected', 'canceled', 'expired'] as const).flatMap(
      (s): Array<[string, HandshakeState, Date, string, HandshakeMove, true | string]> => [
        [`an ${s} invitation cannot be accepted`, s, BEFORE, 'invitee', 'accept', 'not-pending'],
        [`an ${s} invitation cannot be canceled`, s, BEFORE, 'master', 'cancel', 'not-pending'],
      ],
    ),
  ];
  it.each(table)('R-MM-07: %s (%s)', (_, state, when, actor, move, expected) => {
    const decision = decide(at(state), ACTORS[actor] as HandshakeActor, move, when);
    if (expected === true)
      expect(decision.ok && decision.next.state).toBe(
        { accept: 'accepted', reject: 'rejected', cancel: 'canceled', expire: 'expired' }[move],
      );
    else expect(decision).toEqual({ ok: false, reason: expected });
  });
});
