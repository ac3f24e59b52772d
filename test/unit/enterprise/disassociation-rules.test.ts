/**
 * Issue 12: the member-disassociation conditions (R-MM-03: the member has no unpaid orders and is not suspended, the
 * master is not suspended; each named with what to do) and the enterprise-disassociation handshake's transitions
 * (R-MM-01/02: the master requests and may cancel until the member agrees; only the member decides; 15 days).
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
import { ENTERPRISE_DISASSOCIATION } from '../../../lib/enterprise/kinds.js';
import { DISASSOCIATION_CONDITIONS, disassociationFailures } from '../../../lib/enterprise/rules.js';

const facts = (standing: Standing = {}, associations: Partial<Associations> = {}): AccountFacts => ({
  standing,
  standingVersion: 0,
  associations: { ...NO_ASSOCIATIONS, ...associations },
});
const names = (failures: { condition: string }[]) => failures.map((f) => f.condition);

describe('R-MM-03: the conditions of ending an association, both sides (issue 12)', () => {
  it.each([
    ['nothing in the way', facts(), facts(), []],
    ['the member has unpaid orders', facts(), facts({ unpaidOrders: true }), ['member-unpaid-orders']],
    ['the member is suspended', facts(), facts({ suspended: true }), ['member-suspended']],
    ['the member awaits a payment method (R-MM-05)', facts(), facts({}, { awaitingPaymentMethod: true }), ['member-suspended']],
    ['the master is suspended', facts({ suspended: true }), facts(), ['master-suspended']],
    [
      'everything at once, named in order',
      facts({ suspended: true }),
      facts({ unpaidOrders: true, suspended: true }),
      ['member-unpaid-orders', 'member-suspended', 'master-suspended'],
    ],
    ['flags that are not R-MM-03 do not block', facts({ overduePayments: true }), facts({ activeOrders: true }), []],
  ] as const)('R-MM-03: %s → %j', (_, master, member, expected) => {
    expect(names(disassociationFailures({ master, member }))).toEqual(expected);
  });

  it('R-MM-03: each condition tells what to do', () => {
    expect(DISASSOCIATION_CONDITIONS.map((c) => c.condition)).toEqual(['member-unpaid-orders', 'member-suspended', 'master-suspended']);
    for (const c of DISASSOCIATION_CONDITIONS) expect(c.message).toMatch(/first|Contact customer service/);
  });
});

describe('R-MM-01/02: the enterprise-disassociation handshake as a transition table', () => {
  const CREATED = new Date('2026-01-01T00:00:00.000Z');
  const BEFORE = new Date('2026-01-15T23:59:59.000Z');
  const AFTER = new Date('2026-01-16T00:00:00.000Z');
  const opened = open(
    ENTERPRISE_DISASSOCIATION,
    { id: 'ed_1', initiator: { id: 'master', role: 'master' }, counterparty: { id: 'member', role: 'member' } },
    CREATED,
  );
  if (!opened.ok) throw new Error('open failed');
  const at = (state: HandshakeState): HandshakeRequest => ({ ...opened.next, state });
  const ACTORS: Record<string, HandshakeActor> = {
    master: { party: 'master' },
    member: { party: 'member' },
    other: { party: 'another-account' },
    scheduler: { system: 'scheduler' },
  };

  it('R-MM-02: a request lapses 15 days after it was sent (*default*); one open per master–member pair', () => {
    expect(opened.next.expiresAt).toBe('2026-01-16T00:00:00.000Z');
    expect(openScope(ENTERPRISE_DISASSOCIATION, 'master', 'member')).toBe(openScope(ENTERPRISE_DISASSOCIATION, 'master', 'member'));
    expect(openScope(ENTERPRISE_DISASSOCIATION, 'master', 'member')).not.toBe(openScope(ENTERPRISE_DISASSOCIATION, 'master', 'other'));
  });

  it('R-MM-01: only the master requests', () => {
    const refused = open(
      ENTERPRISE_DISASSOCIATION,
      { id: 'ed_2', initiator: { id: 'member', role: 'member' }, counterparty: { id: 'master', role: 'master' } },
      CREATED,
    );
    expect(refused).toEqual({ ok: false, reason: 'role-cannot-initiate' });
  });

  const table: Array<[string, HandshakeState, Date, string, HandshakeMove, true | string]> = [
    ['the member agrees', 'pending', BEFORE, 'member', 'accept', true],
    ['the member rejects', 'pending', BEFORE, 'member', 'reject', true],
    ['the master cancels while pending', 'pending', BEFORE, 'master', 'cancel', true],
    ['the master cannot agree for the member', 'pending', BEFORE, 'master', 'accept', 'initiator-cannot-accept'],
    ['the master cannot reject', 'pending', BEFORE, 'master', 'reject', 'initiator-cannot-reject'],
    ['the member cannot cancel', 'pending', BEFORE, 'member', 'cancel', 'counterparty-cannot-cancel'],
    ['another account cannot agree', 'pending', BEFORE, 'other', 'accept', 'not-your-request'],
    ['another account cannot cancel', 'pending', BEFORE, 'other', 'cancel', 'not-your-request'],
    ['the scheduler does not expire it early', 'pending', BEFORE, 'scheduler', 'expire', 'not-expired-yet'],
    ['the scheduler expires it at expiresAt', 'pending', AFTER, 'scheduler', 'expire', true],
    ['the member cannot agree to a lapsed one', 'pending', AFTER, 'member', 'accept', 'expired'],
    ['the master cannot cancel a lapsed one', 'pending', AFTER, 'master', 'cancel', 'expired'],
    ['R-MM-02: the master cannot cancel after the member agreed', 'accepted', BEFORE, 'master', 'cancel', 'not-pending'],
    ...(['accepted', 'rejected', 'canceled', 'expired'] as const).flatMap(
      (s): Array<[string, HandshakeState, Date, string, HandshakeMove, true | string]> => [
        [`an ${s} request cannot be agreed to`, s, BEFORE, 'member', 'accept', 'not-pending'],
        [`an ${s} request cannot be canceled`, s, BEFORE, 'master', 'cancel', 'not-pending'],
      ],
    ),
  ];
  it.each(table)('R-MM-02: %s (%s)', (_, state, when, actor, move, expected) => {
    const decision = decide(at(state), ACTORS[actor] as HandshakeActor, move, when);
    if (expected === true)
      expect(decision.ok && decision.next.state).toBe(
        { accept: 'accepted', reject: 'rejected', cancel: 'canceled', expire: 'expired' }[move],
      );
    else expect(decision).toEqual({ ok: false, reason: expected });
  });
});
