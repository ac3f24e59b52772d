/**
 * The store of two-party requests (lib/core/handshake/machine.ts decides; this writes). Items:
 *   - the request, `keys.handshake(id)`: kept for good once it ends (records, R-PD-07); while pending it carries
 *     the due-index attributes (dueKind `handshake-expiry`) so the scheduler lapses it at `expiresAt`;
 *   - the open claim, `keys.handshakeOpen(kind, scope)`: at most one open request per pair (or counterparty) and
 *     kind; put in the transaction that opens a request, deleted in the one that ends it;
 *   - one row per party, `keys.handshakeOfParty(party, kind, createdAt, id)`: the per-party list, newest first
 *     (immutable pointers; a page is one Query plus one BatchGetItem of the requests, never a Scan).
 * Every write is a transaction an area may extend with its own items (quota windows, the association log), so
 * the area's rule and the request hold or fail together; their tags stay readable on a ConditionFailed.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { now } from '../clock.js';
import { type DueItem, rearm } from '../store/due-queue.js';
import { dueAttributes } from '../store/keys.js';
import * as keys from '../store/key-builders.js';
import { decodeCursor, encodeCursor } from '../store/pagination.js';
import { query } from '../store/patterns.js';
import * as queries from '../store/queries.js';
import { TABLE, db, getMany } from '../store/table.js';
import { ConditionFailed, type TransactItem, tagged, transact } from '../store/writes.js';
import {
  type HandshakeActor,
  type HandshakeKind,
  type HandshakeMove,
  type HandshakeParty,
  type HandshakeRequest,
  type MoveRefusal,
  type OpenRefusal,
  decide,
  open,
  openScope,
} from './machine.js';

/** The due-index kind of a pending request; lib/app registers `expireHandshake` under it. */
export const HANDSHAKE_EXPIRY = 'handshake-expiry';

export type Opened = { ok: true; request: HandshakeRequest } | { ok: false; reason: OpenRefusal | 'open-request-exists' };
export type Moved = { ok: true; request: HandshakeRequest } | { ok: false; reason: MoveRefusal | 'not-found' };

const FIELDS = [
  'id',
  'kind',
  'initiator',
  'counterparty',
  'state',
  'createdAt',
  'expiresAt',
  'decidedAt',
  'decidedBy',
  'payload',
  'version',
] as const;

function fromItem(item: Record<string, unknown>): HandshakeRequest {
  return Object.fromEntries(FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as unknown as HandshakeRequest;
}

async function loadItem(requestId: string): Promise<Record<string, unknown> | undefined> {
  const out = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.handshake(requestId), ConsistentRead: true }));
  return out.Item;
}

/** The request, read consistently (undefined when there is none). Callers scope it: see `loadHandshakeOf`. */
export async function loadHandshake(requestId: string): Promise<HandshakeRequest | undefined> {
  const item = await loadItem(requestId);
  return item ? fromItem(item) : undefined;
}

/** The request when `partyId` is one of its two parties; another party's request is not found. */
export async function loadHandshakeOf(requestId: string, partyId: string): Promise<HandshakeRequest | undefined> {
  const request = await loadHandshake(requestId);
  return request && (request.initiator.id === partyId || request.counterparty.id === partyId) ? request : undefined;
}

/**
 * The request of `kind` open between two parties (or to the counterparty, per the kind), if any: its open claim
 * names it. Undefined when none is open (or it ended between the two reads).
 */
export async function openHandshakeBetween(
  kind: HandshakeKind,
  initiatorId: string,
  counterpartyId: string,
): Promise<HandshakeRequest | undefined> {
  const out = await db().send(
    new GetCommand({
      TableName: TABLE(),
      Key: keys.handshakeOpen(kind.kind, openScope(kind, initiatorId, counterpartyId)),
      ConsistentRead: true,
    }),
  );
  const request = out.Item ? await loadHandshake(out.Item.requestId as string) : undefined;
  return request?.state === 'pending' ? request : undefined;
}

/**
 * Opens a request, unless one of this kind is already open between the pair (or to the counterparty, per the
 * kind): the open claim is taken in the same transaction, so of parallel opens exactly one succeeds.
 */
export async function createHandshake(
  kind: HandshakeKind,
  input: { id: string; initiator: HandshakeParty; counterparty: HandshakeParty; payload?: Record<string, unknown> },
  at: Date = now(),
  extra: TransactItem[] = [],
): Promise<Opened> {
  const decision = open(kind, input, at);
  if (!decision.ok) return decision;
  const request = decision.next;
  const requestKey = keys.handshake(request.id);
  const scope = openScope(kind, input.initiator.id, input.counterparty.id);
  const party = (p: HandshakeParty, role: 'initiator' | 'counterparty', other: HandshakeParty): TransactItem => ({
    Put: {
      TableName: TABLE(),
      Item: {
        ...keys.handshakeOfParty(p.id, kind.kind, request.createdAt, request.id),
        requestId: request.id,
        side: role,
        other: other.id,
      },
    },
  });
  try {
    await transact([
      tagged('open', {
        Put: {
          TableName: TABLE(),
          Item: { ...keys.handshakeOpen(kind.kind, scope), requestId: request.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
      tagged('request', {
        Put: {
          TableName: TABLE(),
          Item: {
            ...requestKey,
            ...request,
            openScope: scope,
            ...dueAttributes(requestKey.pk, request.expiresAt, request.id),
            dueKind: HANDSHAKE_EXPIRY,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
      party(request.initiator, 'initiator', request.counterparty),
      party(request.counterparty, 'counterparty', request.initiator),
      ...extra,
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.failed('open')) return { ok: false, reason: 'open-request-exists' };
    throw error;
  }
  return { ok: true, request };
}

/**
 * Makes a move (accept, reject, cancel, expire) if the machine allows it, conditionally on the state and version
 * it was decided from: of two racing moves exactly one wins; the other answers the refusal of the state it lost
 * to (`not-pending`). Ending a request releases its open claim and takes it out of the due index; the request
 * itself is kept (R-PD-07).
 */
export async function moveHandshake(
  requestId: string,
  actor: HandshakeActor,
  move: HandshakeMove,
  at: Date = now(),
  extra: TransactItem[] = [],
): Promise<Moved> {
  const item = await loadItem(requestId);
  if (!item) return { ok: false, reason: 'not-found' };
  const request = fromItem(item);
  const decision = decide(request, actor, move, at);
  if (!decision.ok) return decision;
  const next = decision.next;
  try {
    await transact([
      tagged('request', {
        Update: {
          TableName: TABLE(),
          Key: keys.handshake(requestId),
          UpdateExpression: 'SET #state = :state, decidedAt = :at, decidedBy = :by, version = :version REMOVE duePk, dueSk',
          ConditionExpression: '#state = :pending AND version = :seen',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':state': next.state,
            ':at': next.decidedAt,
            ':by': next.decidedBy,
            ':version': next.version,
            ':pending': 'pending',
            ':seen': request.version,
          },
        },
      }),
      tagged('open', {
        Delete: {
          TableName: TABLE(),
          Key: keys.handshakeOpen(request.kind, item.openScope as string),
          ConditionExpression: 'attribute_not_exists(pk) OR requestId = :id',
          ExpressionAttributeValues: { ':id': requestId },
        },
      }),
      ...extra,
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.failed('request')) {
      const current = await loadHandshake(requestId);
      const again = current ? decide(current, actor, move, at) : undefined;
      return { ok: false, reason: again && !again.ok ? again.reason : 'not-pending' };
    }
    throw error;
  }
  return { ok: true, request: next };
}

export interface HandshakePage {
  items: HandshakeRequest[];
  cursor?: string;
}

/** A party's requests of one kind (opened or received), newest first, one bounded page at a time. */
export async function listHandshakes(
  partyId: string,
  kind: string,
  page: { limit?: number; cursor?: string } = {},
): Promise<HandshakePage> {
  const scope = `handshakes:${kind}:${partyId}`;
  const limit = Math.min(Math.max(page.limit ?? 20, 1), 100);
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...query(queries.handshakesOfParty, partyId, kind),
      ScanIndexForward: false,
      Limit: limit,
      ConsistentRead: true,
      ...(page.cursor ? { ExclusiveStartKey: decodeCursor(scope, page.cursor) } : {}),
    }),
  );
  const ids = (out.Items ?? []).map((row) => row.requestId as string);
  const found = new Map(
    (ids.length ? await getMany(ids.map((id) => keys.handshake(id))) : []).map((item) => [item.id as string, fromItem(item)]),
  );
  const items = ids.flatMap((id) => (found.has(id) ? [found.get(id) as HandshakeRequest] : []));
  const cursor = encodeCursor(scope, out.LastEvaluatedKey);
  return { items, ...(cursor ? { cursor } : {}) };
}

type ExpiryItem = Pick<DueItem, 'pk' | 'sk'> & { dueSk?: string } & Record<string, unknown>;

/**
 * A due processor of `handshake-expiry` items that lapses a request still pending at its `expiresAt` with `lapse`
 * (the owning area's move: logged, parties told, in one transaction) when `accepts` it. Answers the expired request,
 * or undefined when the request had ended meanwhile, is not this area's, or is not due yet; a request claimed before
 * its time (a clock step back) goes back in the queue at its `expiresAt`, not after every lease.
 */
export function expiryProcessor(
  lapse: (request: HandshakeRequest, at: Date) => Promise<Moved>,
  accepts: (request: HandshakeRequest) => boolean = () => true,
): (item: ExpiryItem) => Promise<HandshakeRequest | undefined> {
  return async (item) => {
    const request = await loadHandshake(item.id as string);
    if (request?.state !== 'pending' || !accepts(request)) return undefined;
    const moved = await lapse(request, now());
    if (moved.ok) return moved.request;
    if (moved.reason === 'not-expired-yet' && item.dueSk)
      await rearm({ pk: item.pk, sk: item.sk, dueSk: item.dueSk }, item.pk, request.expiresAt);
    return undefined;
  };
}

/**
 * Due processor of `handshake-expiry` items of kinds no area lapses itself: the bare move. Not registered here:
 * lib/app does `registerDueProcessor(HANDSHAKE_EXPIRY, …)` and hands each kind to its area's processor.
 */
export const expireHandshake = /* @__PURE__ */ expiryProcessor((request, at) =>
  moveHandshake(request.id, { system: 'scheduler' }, 'expire', at),
);
