import { describe, expect, it } from 'vitest';
import { handler as tracesHandler } from '../../../functions/audit/queryAuditTraces.js';
import { handler as addHandler } from '../../../functions/recipients/addRecipient.js';
import { handler as deleteHandler } from '../../../functions/recipients/deleteRecipient.js';
import { handler as editHandler } from '../../../functions/recipients/editRecipient.js';
import { handler as listHandler } from '../../../functions/recipients/listRecipients.js';
import { recipientsConfig } from '../../../lib/core/config.js';
import { invoke } from '../../support/http.js';
import { bearer, signUp } from '../../support/identity.js';

const add = (token: string, body: object) =>
  invoke(addHandler, { method: 'POST', path: '/v1/account/recipients', headers: bearer(token), body });
const recipient = (n: number) => ({ name: `Finance ${n}`, email: `finance${n}@example.com`, messageTypes: ['billing'] });
const traces = (token: string, query: Record<string, string> = {}) =>
  invoke(tracesHandler, { method: 'GET', path: '/v1/audit/traces', headers: bearer(token), query });

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
    expect((await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(token) })).body.items).toHaveLength(
      1,
    );
    expect(
      (
        await invoke(deleteHandler, {
          method: 'DELETE',
          path: `/v1/account/recipients/${id}`,
          pathParameters: { recipientId: id },
          headers: bearer(token),
        })
      ).status,
    ).toBe(204);
    const names = (await traces(token)).body.items.map((t: { traceName: string }) => t.traceName);
    expect(names.slice(0, 3)).toEqual(['deleteRecipient', 'editRecipient', 'addRecipient']);
  });

  it('R-PR-03 at most 10 per account, even when added in parallel', async () => {
    const { token } = await signUp();
    const results = await Promise.all(Array.from({ length: 13 }, (_, i) => add(token, recipient(i))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(recipientsConfig.maxPerAccount);
    // Issue 9: every request beyond the cap is refused with the quota code (not a vacuous `every` over a possibly empty list).
    expect(results.filter((r) => r.status !== 201).map((r) => [r.status, r.body.code])).toEqual(
      Array.from({ length: 13 - recipientsConfig.maxPerAccount }, () => [422, 'QUOTA_EXCEEDED']),
    );
    expect((await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(token) })).body.items).toHaveLength(
      10,
    );
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
    const edit = await invoke(editHandler, {
      method: 'PUT',
      path,
      pathParameters: { recipientId: id },
      headers: bearer(intruder.token),
      body: recipient(2),
    });
    expect(edit.status).toBe(404);
    expect(
      (await invoke(deleteHandler, { method: 'DELETE', path, pathParameters: { recipientId: id }, headers: bearer(intruder.token) }))
        .status,
    ).toBe(404);
    expect(
      (await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(intruder.token) })).body.items,
    ).toEqual([]);
    expect(
      (await invoke(listHandler, { method: 'GET', path: '/v1/account/recipients', headers: bearer(owner.token) })).body.items[0].name,
    ).toBe('Finance 1');
  });
});
