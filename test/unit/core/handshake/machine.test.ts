/**
 * The handshake machine (issue 11: "the shared pieces … a two-party request state machine … as a transition table")
 * as a table: every state × actor × move, allowed or refused with its reason, before and after the expiry.
 */
import { describe, expect, it } from 'vitest';
import {
  type HandshakeActor,
  type HandshakeKind,
  type HandshakeMove,
  type HandshakeRequest,
  type HandshakeState,
  decide,
  open,
  openScope,
} from '../../../../lib/core/handshake/machine.js';

const kind: HandshakeKind = {
  kind: 'partner-disassociation',
  roles: ['customer', 'partner'],
  initiators: ['customer', 'partner'],
  expirySeconds: 30 * 86_400,
  oneOpenPer: 'pair',
};
const CREATED = new Date('2026-01-01T00:00:00.000Z');
const BEFORE = new Date('2026-01-15T00:00:00.000Z');
const AT_EXPIRY = new Date('2026-01-31T00:00:00.000Z');

function request(state: HandshakeState): HandshakeRequest {
  const opened = open(
    kind,
    { id: 'hs_1', initiator: { id: 'cust', role: 'customer' }, counterparty: { id: 'ptnr', role: 'partner' } },
    CREATED,
  );
  if (!opened.ok) throw new Error('open failed');
  return { ...opened.next, state };
}

type ActorName = 'initiator' | 'counterparty' | 'operator' | 'system' | 'outsider';
const ACTORS: Record<ActorName, HandshakeActor> = {
  initiator: { party: 'cust' },
  counterparty: { party: 'ptnr' },
  operator: { operator: 'op_1' },
  system: { system: 'scheduler' },
  outsider: { party: 'other-partner' },
};

type Expect = true | string;
/** Pending, before the expiry: who may make which move (true) or the refusal. */
const PENDING_BEFORE: Record<ActorName, Record<HandshakeMove, Expect>> = {
  initiator: { accept: 'initiator-cannot-accept', reject: 'initiator-cannot-reject', cancel: true, expire: 'only-system-expires' },
  counterparty: { accept: true, reject: true, cancel: 'counterparty-cannot-cancel', expire: 'only-system-expires' },
  operator: { accept: 'operator-cannot-decide', reject: 'operator-cannot-decide', cancel: true, expire: 'only-system-expires' },
  system: { accept: 'system-cannot-decide', reject: 'system-cannot-decide', cancel: true, expire: 'not-expired-yet' },
  outsider: { accept: 'not-your-request', reject: 'not-your-request', cancel: 'not-your-request', expire: 'not-your-request' },
};
/** Pending, from `expiresAt` on (the scheduler has not lapsed it yet). */
const PENDING_AFTER: Record<ActorName, Record<HandshakeMove, Expect>> = {
  initiator: { accept: 'initiator-cannot-accept', reject: 'initiator-cannot-reject', cancel: 'expired', expire: 'only-system-expires' },
  counterparty: { accept: 'expired', reject: 'expired', cancel: 'counterparty-cannot-cancel', expire: 'only-system-expires' },
  operator: { accept: 'operator-cannot-decide', reject: 'operator-cannot-decide', cancel: true, expire: 'only-system-expires' },
  system: { accept: 'system-cannot-decide', reject: 'system-cannot-decide', cancel: true, expire: true },
  outsider: { accept: 'not-your-request', reject: 'not-your-request', cancel: 'not-your-request', expire: 'not-your-request' },
};
const TERMINAL: Record<HandshakeMove, HandshakeState> = { accept: 'accepted', reject: 'rejected', cancel: 'canceled', expire: 'expired' };
const STATES: HandshakeState[] = ['pending', 'accepted', 'rejected', 'canceled', 'expired'];
const MOVES: HandshakeMove[] = ['accept', 'reject', 'cancel', 'expire'];

const rows = STATES.flatMap((state) =>
  (Object.keys(ACTORS) as ActorName[]).flatMap((actor) =>
    MOVES.flatMap((move) =>
      (
        [
          ['before expiry', BEFORE],
          ['at expiry', AT_EXPIRY],
        ] as const
      ).map(([when, at]) => {
        let expected: Expect;
        if (state === 'pending') expected = (when === 'before expiry' ? PENDING_BEFORE : PENDING_AFTER)[actor][move];
        else expected = actor === 'outsider' ? 'not-your-request' : 'not-pending';
        return { state, actor, move, when, at, expected };
      }),
    ),
  ),
);

describe('handshake machine: the transition table (issue 11 shared piece; R-PD-01, R-PD-04, R-MM-02, R-MM-07)', () => {
  it.each(rows)('$state × $actor × $move ($when) → $expected', ({ state, actor, move, at, expected }) => {
    const before = request(state);
    const decision = decide(before, ACTORS[actor], move, at);
    if (expected === true) {
      expect(decision).toMatchObject({ ok: true });
      if (!decision.ok) return;
      expect(decision.next.state).toBe(TERMINAL[move]);
      expect(decision.next.version).toBe(before.version + 1);
      expect(decision.next.decidedAt).toBe(at.toISOString());
      expect(decision.next.decidedBy?.role).toBe(actor);
      expect(before.state).toBe(state);
    } else {
      expect(decision).toEqual({ ok: false, reason: expected });
    }
  });

  it('covers every state × actor × move twice (before and at the expiry)', () => {
    expect(rows).toHaveLength(STATES.length * Object.keys(ACTORS).length * MOVES.length * 2);
  });

  it('R-MM-07 R-PD-01: a request opens pending, expiring expirySeconds after it was opened', () => {
    const r = request('pending');
    expect(r).toMatchObject({ state: 'pending', createdAt: CREATED.toISOString(), expiresAt: AT_EXPIRY.toISOString(), version: 1 });
  });

  it.each([
    ['a role the kind does not know', { id: 'a', role: 'master' }, { id: 'b', role: 'partner' }, 'unknown-role'],
    ['a party to itself', { id: 'a', role: 'customer' }, { id: 'a', role: 'partner' }, 'same-party'],
    ['two parties of one role', { id: 'a', role: 'customer' }, { id: 'b', role: 'customer' }, 'same-role'],
  ])('opening is refused for %s', (_name, initiator, counterparty, reason) => {
    expect(open(kind, { id: 'x', initiator, counterparty }, CREATED)).toEqual({ ok: false, reason });
  });

  it('R-MM-01: only the roles a kind names may open it (enterprise: the master invites, the member does not)', () => {
    const invitation: HandshakeKind = {
      ...kind,
      kind: 'enterprise-invitation',
      roles: ['master', 'member'],
      initiators: ['master'],
      oneOpenPer: 'counterparty',
    };
    const member = { id: 'm', role: 'member' };
    const master = { id: 'M', role: 'master' };
    expect(open(invitation, { id: 'x', initiator: member, counterparty: master }, CREATED)).toEqual({
      ok: false,
      reason: 'role-cannot-initiate',
    });
    expect(open(invitation, { id: 'x', initiator: master, counterparty: member }, CREATED).ok).toBe(true);
  });

  it.each([
    ['pair: either direction counts as one', 'pair', ['a', 'b'], ['b', 'a'], true],
    ['pair: another pair is another scope', 'pair', ['a', 'b'], ['a', 'c'], false],
    ['counterparty (R-MM-07): any inviter to the same account counts as one', 'counterparty', ['a', 'b'], ['c', 'b'], true],
  ] as const)('one open request per %s', (_name, per, [i1, c1], [i2, c2], same) => {
    const k = { ...kind, oneOpenPer: per };
    expect(openScope(k, i1, c1) === openScope(k, i2, c2)).toBe(same);
  });
});
