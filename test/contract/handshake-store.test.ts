/**
 * Contract of lib/core/handshake/store.ts on DynamoDB Local (issue 11, the shared handshake piece): one open
 * request per pair and kind under concurrency, racing moves, scoping by party, expiry through the due index
 * only after `expiresAt`, listing per party on both sides. Terminal requests are kept (R-PD-07).
 */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { now } from '../../lib/core/clock.js';
import type { HandshakeKind } from '../../lib/core/handshake/machine.js';
import {
  HANDSHAKE_EXPIRY,
  createHandshake,
  expireHandshake,
  listHandshakes,
  loadHandshake,
  loadHandshakeOf,
  moveHandshake,
} from '../../lib/core/handshake/store.js';
import { claim, readDue } from '../../lib/core/store/due-queue.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../lib/core/store/table.js';

const id = (p: string) => `${p}_${randomBytes(6).toString('hex')}`;
const kind: HandshakeKind = {
  kind: 'partner-disassociation',
  roles: ['customer', 'partner'],
  initiators: ['customer', 'partner'],
  expirySeconds: 30 * 86_400,
  oneOpenPer: 'pair',
};
const DAY = 86_400_000;
// Opened 60 days ago by the product clock, so the processor (which reads the clock) finds day 30 past.
const T0 = new Date(now().getTime() - 60 * DAY);
const at = (days: number) => new Date(T0.getTime() + days * DAY);

function pair() {
  return { customer: { id: id('cust'), role: 'customer' }, partner: { id: id('ptnr'), role: 'partner' } };
}

async function opened(p = pair(), when = T0) {
  const result = await createHandshake(
    kind,
    { id: id('hs'), initiator: p.customer, counterparty: p.partner, payload: { reason: 'r' } },
    when,
  );
  if (!result.ok) throw new Error(result.reason);
  return { ...p, request: result.request };
}

const openClaim = async (scope: string) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.handshakeOpen(kind.kind, scope), ConsistentRead: true }))).Item;

describe('handshake store contract (DynamoDB Local)', () => {
  it('R-PD-06 R-MM-07: of 3 parallel opens between one pair (either direction), exactly one succeeds', async () => {
    const p = pair();
    const results = await Promise.allSettled([
      createHandshake(kind, { id: id('hs'), initiator: p.customer, counterparty: p.partner }, T0),
      createHandshake(kind, { id: id('hs'), initiator: p.partner, counterparty: p.customer }, T0),
      createHandshake(kind, { id: id('hs'), initiator: p.customer, counterparty: p.partner }, T0),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'fulfilled' && !r.value.ok) expect(r.value.reason).toBe('open-request-exists');
    const both = await Promise.all([listHandshakes(p.customer.id, kind.kind), listHandshakes(p.partner.id, kind.kind)]);
    expect(both.map((l) => l.items.length)).toEqual([1, 1]);
  });

  it('R-PD-01: once the open request ends, the pair may open another; the ended one is kept (R-PD-07)', async () => {
    const first = await opened();
    expect(await createHandshake(kind, { id: id('hs'), initiator: first.partner, counterparty: first.customer }, at(1))).toEqual({
      ok: false,
      reason: 'open-request-exists',
    });
    expect((await moveHandshake(first.request.id, { party: first.partner.id }, 'reject', at(2))).ok).toBe(true);
    const second = await createHandshake(kind, { id: id('hs'), initiator: first.partner, counterparty: first.customer }, at(3));
    expect(second.ok).toBe(true);
    expect(await loadHandshake(first.request.id)).toMatchObject({
      state: 'rejected',
      decidedBy: { role: 'counterparty', id: first.partner.id },
    });
  });

  it('R-PD-01 R-MM-02: accept and cancel racing on one request: exactly one wins, the other is refused as not-pending', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { request, customer, partner } = await opened();
      const [accept, cancel] = await Promise.all([
        moveHandshake(request.id, { party: partner.id }, 'accept', at(1)),
        moveHandshake(request.id, { party: customer.id }, 'cancel', at(1)),
      ]);
      expect([accept.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
      const loser = accept.ok ? cancel : accept;
      expect(loser).toEqual({ ok: false, reason: 'not-pending' });
      const stored = await loadHandshake(request.id);
      expect(stored?.state).toBe(accept.ok ? 'accepted' : 'canceled');
      expect(stored?.version).toBe(2);
      expect(await openClaim([customer.id, partner.id].sort().join('|'))).toBeUndefined();
    }
  });

  it("R-PD-04 (BOLA): another party's request is not found, not listed and not movable", async () => {
    const { request, customer, partner } = await opened();
    const stranger = id('ptnr');
    expect(await loadHandshakeOf(request.id, stranger)).toBeUndefined();
    expect(await loadHandshakeOf(request.id, customer.id)).toMatchObject({ id: request.id });
    expect((await listHandshakes(stranger, kind.kind)).items).toEqual([]);
    for (const move of ['accept', 'reject', 'cancel', 'expire'] as const)
      expect(await moveHandshake(request.id, { party: stranger }, move, at(1))).toEqual({ ok: false, reason: 'not-your-request' });
    expect((await loadHandshake(request.id))?.state).toBe('pending');
    expect((await listHandshakes(partner.id, kind.kind)).items.map((r) => r.id)).toEqual([request.id]);
  });

  it('R-PD-01 (expiry): the scheduler lapses a pending request only from expiresAt on, through the due index', async () => {
    const { request, customer, partner } = await opened();
    const dueBefore = await readDue(at(29));
    expect(dueBefore.some((d) => d.id === request.id)).toBe(false);
    const due = (await readDue(at(30))).find((d) => d.id === request.id);
    expect(due?.dueKind).toBe(HANDSHAKE_EXPIRY);
    expect(await moveHandshake(request.id, { system: 'scheduler' }, 'expire', at(29))).toEqual({ ok: false, reason: 'not-expired-yet' });
    expect(await moveHandshake(request.id, { party: partner.id }, 'accept', at(30))).toEqual({ ok: false, reason: 'expired' });
    expect((await loadHandshake(request.id))?.state).toBe('pending');
    const expired = await expireHandshake(due as NonNullable<typeof due>);
    expect(expired).toMatchObject({ id: request.id, state: 'expired', decidedBy: { role: 'system' } });
    expect((await readDue(at(31))).some((d) => d.id === request.id)).toBe(false);
    expect(await openClaim([customer.id, partner.id].sort().join('|'))).toBeUndefined();
    expect(await expireHandshake(due as NonNullable<typeof due>)).toBeUndefined();
  });

  it('R-PD-01 (expiry): a request claimed before its expiresAt is not lapsed and is re-armed at its expiresAt', async () => {
    const p = pair();
    const future = new Date(now().getTime() + 365 * DAY);
    const result = await createHandshake(kind, { id: id('hs'), initiator: p.customer, counterparty: p.partner }, future);
    if (!result.ok) throw new Error(result.reason);
    const item = (await readDue(new Date(Date.parse(result.request.expiresAt)))).find((d) => d.id === result.request.id);
    if (!item) throw new Error('not in the due index');
    const lease = await claim(item, item.pk);
    if (!lease) throw new Error('not claimed');
    expect(await expireHandshake({ ...item, dueSk: lease })).toBeUndefined();
    expect((await loadHandshake(result.request.id))?.state).toBe('pending');
    // Back in the due index at its expiresAt (not at the end of the lease).
    expect((await readDue(new Date(Date.parse(result.request.expiresAt)))).find((d) => d.id === result.request.id)?.dueSk).toMatch(
      new RegExp(`^${result.request.expiresAt}#`),
    );
  });

  it('R-PD-07: a party lists its requests of a kind, opened and received, newest first, in bounded pages', async () => {
    const me = { id: id('ptnr'), role: 'partner' };
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const other = { id: id('cust'), role: 'customer' };
      const [initiator, counterparty] = i % 2 === 0 ? [me, other] : [other, me];
      const r = await createHandshake(kind, { id: id('hs'), initiator, counterparty }, at(i));
      if (!r.ok) throw new Error(r.reason);
      made.push(r.request.id);
      if (i === 0) expect((await listHandshakes(other.id, kind.kind)).items.map((x) => x.id)).toEqual([r.request.id]);
    }
    const first = await listHandshakes(me.id, kind.kind, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([made[4], made[3]]);
    expect(first.cursor).toBeDefined();
    const second = await listHandshakes(me.id, kind.kind, { limit: 2, cursor: first.cursor });
    const third = await listHandshakes(me.id, kind.kind, { limit: 2, cursor: second.cursor });
    expect([...second.items, ...third.items].map((r) => r.id)).toEqual([made[2], made[1], made[0]]);
    await expect(listHandshakes(id('ptnr'), kind.kind, { limit: 2, cursor: first.cursor })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
