import { describe, expect, it } from 'vitest';
import { handler as changePasswordHandler } from '../../../functions/accounts/changePassword.js';
import { handler as preferencesHandler } from '../../../functions/preferences/changePreferences.js';
import { handler as tenantHandler } from '../../../functions/accounts/changeTenantName.js';
import { handler as tracesHandler } from '../../../functions/audit/traces.js';
import { handler as addHandler } from '../../../functions/recipients/addRecipient.js';
import { handler as deleteHandler } from '../../../functions/recipients/deleteRecipient.js';
import { handler as editHandler } from '../../../functions/recipients/editRecipient.js';
import { handler as listHandler } from '../../../functions/recipients/listRecipients.js';
import { config } from '../../../lib/core/config.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { currencyHistory } from '../../../lib/preferences/changePreferences.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, signUp } from '../../support/identity.js';

const prefs = (token: string, body: object) => invoke(preferencesHandler, { method: 'PUT', path: '/v1/account/preferences', headers: bearer(token), body });
const add = (token: string, body: object) => invoke(addHandler, { method: 'POST', path: '/v1/account/recipients', headers: bearer(token), body });
const recipient = (n: number) => ({ name: `Finance ${n}`, email: `finance${n}@example.com`, messageTypes: ['billing'] });
const traces = (token: string, query: Record<string, string> = {}) =>
  invoke(tracesHandler, { method: 'GET', path: '/v1/audit/traces', headers: bearer(token), query });

describe('preferences', () => {
  it('R-PR-01 the time zone must be an IANA zone', async () => {
    const { token } = await signUp();
    expect((await prefs(token, { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await prefs(token, { timeZone: 'Asia/Shanghai' })).status).toBe(200);
  });

  it('R-PR-01 notices from then on use the message language (and time zone)', async () => {
    const { token, email } = await signUp();
    expect((await prefs(token, { messageLanguage: 'zh', timeZone: 'Asia/Shanghai' })).body).toMatchObject({ messageLanguage: 'zh', timeZone: 'Asia/Shanghai' });
    await invoke(changePasswordHandler, { method: 'PUT', path: '/v1/account/password', headers: bearer(token), body: { currentPassword: PASSWORD, newPassword: 'New-Secret-77' } });
    const [notice] = await listRecordedMessages(email, 1);
    expect(notice!.body).toContain('密码');
    expect(notice!.body).toMatch(/\+08:00|CST|GMT\+8/);
  });

  it('R-PR-02 currency from the supported list, with a change history', async () => {
    const { token, accountId } = await signUp();
    expect((await prefs(token, { currency: 'XYZ' })).status).toBe(400);
    expect((await prefs(token, { currency: 'EUR' })).status).toBe(200);
    expect((await prefs(token, { currency: 'USD' })).status).toBe(200);
    expect((await currencyHistory(accountId)).map((c) => c.currency)).toEqual(['EUR', 'USD']);
  });
});

describe('message recipients', () => {
  it('R-PR-03 add, edit, list and delete, each audited', async () => {
    const { token } = await signUp();
    const created = await add(token, recipient(1));
    expect(created.status).toBe(201);
    const id = created.body.recipientId;
    const edited = await invoke(editHandler, {
      method: 'PUT',
      path: `/v1/account/recipients/${id}`,
      pathParameters: { recipientId: id },
      headers: bearer(token),
      body: { name: 'Ops', mobile: '+4915112345678', messageTypes: ['closure', 'security'] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Ops', mobile: '+4915112345678', createdAt: created.body.createdAt });
    expect(edited.body.email).toBeUndefined();
    expect((await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(token) })).body.items).toHaveLength(1);
    expect((await invoke(deleteHandler, { method: 'DELETE', path: `/v1/account/recipients/${id}`, pathParameters: { recipientId: id }, headers: bearer(token) })).status).toBe(204);
    const names = (await traces(token)).body.items.map((t: { traceName: string }) => t.traceName);
    expect(names.slice(0, 3)).toEqual(['deleteRecipient', 'editRecipient', 'addRecipient']);
  });

  it('R-PR-03 at most 10 per account, even when added in parallel', async () => {
    const { token } = await signUp();
    const results = await Promise.all(Array.from({ length: 13 }, (_, i) => add(token, recipient(i))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(config.recipients.maxPerAccount);
    // Issue 9: every request beyond the cap is refused with the quota code (not a vacuous `every` over a possibly empty list).
    expect(results.filter((r) => r.status !== 201).map((r) => [r.status, r.body.code])).toEqual(
      Array.from({ length: 13 - config.recipients.maxPerAccount }, () => [422, 'QUOTA_EXCEEDED']),
    );
    expect((await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(token) })).body.items).toHaveLength(10);
  });

  it('R-PR-03 a recipient needs an email or a mobile number', async () => {
    const { token } = await signUp();
    expect((await add(token, { name: 'Nobody', messageTypes: ['billing'] })).status).toBe(400);
  });

  it('R-SEC-05 another account cannot see, edit or delete a recipient: 404', async () => {
    const owner = await signUp();
    const intruder = await signUp();
    const id = (await add(owner.token, recipient(1))).body.recipientId;
    const path = `/v1/account/recipients/${id}`;
    const edit = await invoke(editHandler, { method: 'PUT', path, pathParameters: { recipientId: id }, headers: bearer(intruder.token), body: recipient(2) });
    expect(edit.status).toBe(404);
    expect((await invoke(deleteHandler, { method: 'DELETE', path, pathParameters: { recipientId: id }, headers: bearer(intruder.token) })).status).toBe(404);
    expect((await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(intruder.token) })).body.items).toEqual([]);
    expect((await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(owner.token) })).body.items[0].name).toBe('Finance 1');
  });
});

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
    expect(cursor.split('.').map((p) => Buffer.from(p, 'base64url').toString('latin1')).join('')).not.toMatch(/ACCOUNT|"pk"/);
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
    await invoke(tenantHandler, { method: 'PUT', path: '/v1/account/tenant-name', headers: bearer(token), body: { tenantName: 'visible-new-name' } });
    const [trace] = (await traces(token, { traceName: 'changeTenantName' })).body.items;
    expect(trace).toMatchObject({ resourceType: 'accountCenter', actor: accountId, result: 'success' });
    expect(trace.sourceIp).toBeTruthy();
    expect(trace.requestId).toBeTruthy();
    expect(trace.changes[0].new).not.toBe('visible-new-name');
    expect(trace.changes[0].new).toMatch(/^vi\*+me$/);
  });
});
