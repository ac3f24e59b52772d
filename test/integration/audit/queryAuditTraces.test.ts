import { describe, expect, it } from 'vitest';
import { handler as tenantHandler } from '../../../functions/accounts/changeTenantName.js';
import { handler as tracesHandler } from '../../../functions/audit/queryAuditTraces.js';
import { handler as addHandler } from '../../../functions/recipients/addRecipient.js';
import { invoke } from '../../support/http.js';
import { bearer, signUp } from '../../support/identity.js';

const add = (token: string, body: object) =>
  invoke(addHandler, { method: 'POST', path: '/v1/account/recipients', headers: bearer(token), body });
const recipient = (n: number) => ({ name: `Finance ${n}`, email: `finance${n}@example.com`, messageTypes: ['billing'] });
const traces = (token: string, query: Record<string, string> = {}) =>
  invoke(tracesHandler, { method: 'GET', path: '/v1/audit/traces', headers: bearer(token), query });

describe('audit traces', () => {
  it('R-AU-03 newest first, filtered by trace name and time range, paginated by an opaque cursor', async () => {
    const { token } = await signUp();
    for (let i = 0; i < 5; i += 1) await add(token, recipient(i));
    const page1 = await traces(token, { traceName: 'addRecipient', limit: '2' });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.items.every((t: { traceName: string }) => t.traceName === 'addRecipient')).toBe(true);
    const seen = [...page1.body.items];
    let cursor = page1.body.nextCursor;
    while (cursor) {
      const next = await traces(token, { traceName: 'addRecipient', limit: '2', cursor });
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen).toHaveLength(5);
    const times = seen.map((t) => t.time);
    expect([...times].sort().reverse()).toEqual(times);
    const future = await traces(token, { from: '2099-01-01T00:00:00.000Z' });
    expect(future.body.items).toEqual([]);
    const all = await traces(token, { to: new Date(Date.now() + 60_000).toISOString() });
    expect(all.body.items.at(-1).traceName).toBe('signUp');
  });

  it('R-AU-03 a tampered cursor or one from another account is a 400 (issue 9 item 7: encrypted, bound to account and filter)', async () => {
    const a = await signUp();
    const b = await signUp();
    for (let i = 0; i < 3; i += 1) await add(a.token, recipient(i));
    const cursor = (await traces(a.token, { limit: '1' })).body.nextCursor as string;
    expect((await traces(a.token, { limit: '1', cursor })).status).toBe(200);
    // Opaque: neither the account ID nor the table keys can be read out of it.
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain(a.accountId);
    expect(
      cursor
        .split('.')
        .map((p) => Buffer.from(p, 'base64url').toString('latin1'))
        .join(''),
    ).not.toMatch(/ACCOUNT|"pk"/);
    const flipped = Buffer.from(cursor, 'base64url');
    flipped[flipped.length - 1]! ^= 0x01;
    for (const bad of [`${cursor}x`, flipped.toString('base64url'), cursor.slice(1)]) {
      const res = await traces(a.token, { limit: '1', cursor: bad });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('query.cursor');
    }
    expect((await traces(b.token, { limit: '1', cursor })).status).toBe(400);
    expect((await traces(a.token, { limit: '1', cursor, traceName: 'addRecipient' })).status).toBe(400);
  });

  it('R-AU-02 old→new values are masked; traces carry actor, source IP, request ID and result', async () => {
    const { token, accountId } = await signUp();
    await invoke(tenantHandler, {
      method: 'PUT',
      path: '/v1/account/tenant-name',
      headers: bearer(token),
      body: { tenantName: 'visible-new-name' },
    });
    const [trace] = (await traces(token, { traceName: 'changeTenantName' })).body.items;
    expect(trace).toMatchObject({ resourceType: 'accountCenter', actor: accountId, result: 'success' });
    expect(trace.sourceIp).toBeTruthy();
    expect(trace.requestId).toBeTruthy();
    expect(trace.changes[0].new).not.toBe('visible-new-name');
    expect(trace.changes[0].new).toMatch(/^vi\*+me$/);
  });
});
