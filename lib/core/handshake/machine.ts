/**
 * Two-party requests ("handshakes", issue 11): partner invitations and disassociation requests both ways
 * (R-PA-01, R-PD-01, R-PD-04), enterprise invitations and disassociations (R-MM-01, R-MM-02, R-MM-07), real-name
 * reuse. Pure: a request record in, a decision and the next record out; the store writes the next record
 * conditionally on the state it was decided from (lib/core/handshake/store.ts).
 *
 * Kinds are data the areas supply (`HandshakeKind`); the machine knows states, actors and moves only:
 *   pending → accepted | rejected | canceled | expired (the last four are terminal and kept: records, R-PD-07).
 */

/** A kind of request, declared by the area that owns it (e.g. partners: 'partner-disassociation'). */
export interface HandshakeKind {
  kind: string;
  /** The two roles of the parties, e.g. ['customer', 'partner'] or ['master', 'member']. */
  roles: readonly [string, string];
  /** Roles that may open a request of this kind; the other party decides (accepts or rejects). */
  initiators: readonly string[];
  /** Seconds a request stays pending before the scheduler lapses it (30 days partners, 15 days enterprise). */
  expirySeconds: number;
  /**
   * What "one open request" counts over: 'pair' = the two parties whoever opened it (a partner and a customer
   * have at most one open disassociation request, either way); 'counterparty' = the invited party, whoever invites.
   */
  oneOpenPer: 'pair' | 'counterparty';
}

export type HandshakeState = 'pending' | 'accepted' | 'rejected' | 'canceled' | 'expired';
export type HandshakeMove = 'accept' | 'reject' | 'cancel' | 'expire';
export type ActorRole = 'initiator' | 'counterparty' | 'operator' | 'system';

/** Who makes a move: one of the two parties (by party ID), an operator, or the scheduler. */
export type HandshakeActor = { party: string } | { operator: string } | { system: string };

export interface HandshakeParty {
  id: string;
  role: string;
}

export interface HandshakeRequest {
  id: string;
  kind: string;
  initiator: HandshakeParty;
  counterparty: HandshakeParty;
  state: HandshakeState;
  createdAt: string;
  expiresAt: string;
  /** Set when the request leaves `pending`. */
  decidedAt?: string;
  decidedBy?: { role: ActorRole; id: string };
  /** The area's own data (a reason, requested permissions, the statement accepted…). */
  payload: Record<string, unknown>;
  version: number;
}

export type OpenRefusal = 'unknown-role' | 'role-cannot-initiate' | 'same-party' | 'same-role';
export type MoveRefusal =
  | 'not-your-request'
  | 'not-pending'
  | 'expired'
  | 'not-expired-yet'
  | 'initiator-cannot-accept'
  | 'initiator-cannot-reject'
  | 'counterparty-cannot-cancel'
  | 'operator-cannot-decide'
  | 'system-cannot-decide'
  | 'only-system-expires';

export type Decision<R> = { ok: true; next: HandshakeRequest } | { ok: false; reason: R };

export const TERMINAL_OF: Record<HandshakeMove, Exclude<HandshakeState, 'pending'>> = {
  accept: 'accepted',
  reject: 'rejected',
  cancel: 'canceled',
  expire: 'expired',
};

/**
 * Who may make which move of a pending request: `true` = allowed, otherwise the refusal. Moves of a party
 * are refused with `expired` once `expiresAt` has passed (the scheduler may not have lapsed it yet); `expire`
 * is allowed to the system only from `expiresAt` on. Any move of a request that is not pending: `not-pending`.
 */
export const PENDING_MOVES: Readonly<Record<HandshakeMove, Readonly<Record<ActorRole, true | MoveRefusal>>>> = {
  accept: { initiator: 'initiator-cannot-accept', counterparty: true, operator: 'operator-cannot-decide', system: 'system-cannot-decide' },
  reject: { initiator: 'initiator-cannot-reject', counterparty: true, operator: 'operator-cannot-decide', system: 'system-cannot-decide' },
  // An operator withdraws a request (e.g. the service-ticket path completed it, R-PD-09); the system withdraws
  // one whose premise went away (e.g. a party's account was closed).
  cancel: { initiator: true, counterparty: 'counterparty-cannot-cancel', operator: true, system: true },
  expire: {
    initiator: 'only-system-expires',
    counterparty: 'only-system-expires',
    operator: 'only-system-expires',
    system: true,
  },
};

export const HANDSHAKE_MOVES = Object.keys(PENDING_MOVES) as HandshakeMove[];
export const HANDSHAKE_STATES: HandshakeState[] = ['pending', 'accepted', 'rejected', 'canceled', 'expired'];

/** The role an actor plays in a request, or undefined for a party that is neither of the two. */
export function roleOf(request: Pick<HandshakeRequest, 'initiator' | 'counterparty'>, actor: HandshakeActor): ActorRole | undefined {
  if ('system' in actor) return 'system';
  if ('operator' in actor) return 'operator';
  if (actor.party === request.initiator.id) return 'initiator';
  if (actor.party === request.counterparty.id) return 'counterparty';
  return undefined;
}

const actorId = (actor: HandshakeActor): string => ('system' in actor ? actor.system : 'operator' in actor ? actor.operator : actor.party);

/** Opens a request of `kind` from `initiator` to `counterparty` at `at` (pending until `at + expirySeconds`). */
export function open(
  kind: HandshakeKind,
  input: { id: string; initiator: HandshakeParty; counterparty: HandshakeParty; payload?: Record<string, unknown> },
  at: Date,
): Decision<OpenRefusal> {
  const { initiator, counterparty } = input;
  if (!kind.roles.includes(initiator.role) || !kind.roles.includes(counterparty.role)) return { ok: false, reason: 'unknown-role' };
  if (initiator.id === counterparty.id) return { ok: false, reason: 'same-party' };
  if (initiator.role === counterparty.role) return { ok: false, reason: 'same-role' };
  if (!kind.initiators.includes(initiator.role)) return { ok: false, reason: 'role-cannot-initiate' };
  return {
    ok: true,
    next: {
      id: input.id,
      kind: kind.kind,
      initiator,
      counterparty,
      state: 'pending',
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + kind.expirySeconds * 1000).toISOString(),
      payload: input.payload ?? {},
      version: 1,
    },
  };
}

/** May `actor` make `move` on `request` at `at`? The answer carries the next record, or the refusal. */
export function decide(request: HandshakeRequest, actor: HandshakeActor, move: HandshakeMove, at: Date): Decision<MoveRefusal> {
  const role = roleOf(request, actor);
  // An outsider learns nothing about the request, not even its state (BOLA).
  if (!role) return { ok: false, reason: 'not-your-request' };
  if (request.state !== 'pending') return { ok: false, reason: 'not-pending' };
  const rule = PENDING_MOVES[move][role];
  if (rule !== true) return { ok: false, reason: rule };
  const due = at.getTime() >= Date.parse(request.expiresAt);
  if (move === 'expire' && !due) return { ok: false, reason: 'not-expired-yet' };
  if (move !== 'expire' && due && role !== 'operator' && role !== 'system') return { ok: false, reason: 'expired' };
  return {
    ok: true,
    next: {
      ...request,
      state: TERMINAL_OF[move],
      decidedAt: at.toISOString(),
      decidedBy: { role, id: actorId(actor) },
      version: request.version + 1,
    },
  };
}

/** The key "one open request" is counted over (see `HandshakeKind.oneOpenPer`). */
export function openScope(kind: HandshakeKind, initiatorId: string, counterpartyId: string): string {
  if (kind.oneOpenPer === 'counterparty') return counterpartyId;
  return [initiatorId, counterpartyId].sort().join('|');
}
