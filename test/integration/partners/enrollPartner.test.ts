/**
 * Issue 11 item "Partner enrollment": an operator enrolls an active account as a partner; it becomes the
 * partner's administrator, carries the `partnerProgram` fact (R-RN-05 seam) and the enrollment is audited with
 * the operator's ID.
 */
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/partners/enrollPartner.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { loadPartner, loadStaffRole } from '../../../lib/partners/store.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { signUp } from '../../support/identity.js';
import { OPS, tracesOf } from '../../support/partners.js';

const enroll = (body: Record<string, unknown>, headers: Record<string, string> = OPS) =>
  invoke(handler, { method: 'POST', path: '/v1/ops/partners', headers, body });

describe('partner enrollment (issue 11)', () => {
  it('R-RN-05 seam: an operator enrolls an active account; it is the administrator, partnerProgram is true, audited with the operator', async () => {
    const account = await activeAccount();
    const contacts = [{ name: 'Sales', email: 'sales@p.example.com', phone: '+49 30 1234567' }];
    const res = await enroll({ accountId: account.accountId, name: 'Acme Cloud', contacts });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ partnerId: expect.stringMatching(/^pt_/), accountId: account.accountId, name: 'Acme Cloud' });
    const partnerId = res.body.partnerId as string;
    expect(await loadPartner(partnerId)).toMatchObject({ partnerId, adminAccountId: account.accountId, name: 'Acme Cloud', contacts });
    expect(await loadStaffRole(account.accountId)).toEqual({ partnerId, role: 'administrator' });
    expect((await loadFacts(account.accountId)).associations.partnerProgram).toBe(true);
    const trace = (await tracesOf(account.accountId)).find((t) => t.traceName === 'enrollPartner');
    expect(trace).toMatchObject({ actor: expect.stringMatching(/^operator:/), result: 'success' });
  });

  it('an account already staff of a partner is refused with 409 (one partner organisation per account)', async () => {
    const account = await activeAccount();
    expect((await enroll({ accountId: account.accountId, name: 'First' })).status).toBe(201);
    const again = await enroll({ accountId: account.accountId, name: 'Second' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STATE_CONFLICT');
  });

  it('two parallel enrollments of one account: exactly one succeeds', async () => {
    const account = await activeAccount();
    const results = await Promise.all([
      enroll({ accountId: account.accountId, name: 'A' }),
      enroll({ accountId: account.accountId, name: 'B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it.each([
    ['an unknown account', async () => 'ac_unknown', 404, 'NOT_FOUND'],
    ['an account that has not enabled services (not active)', async () => (await signUp()).accountId, 422, 'NOT_ALLOWED'],
  ])('%s is refused', async (_name, accountId, status, code) => {
    const res = await enroll({ accountId: await accountId(), name: 'Nope' });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('without an operator key: 401; bad input: 400 naming every bad field', async () => {
    expect((await enroll({ accountId: 'ac_x', name: 'X' }, {})).status).toBe(401);
    const bad = await enroll({ accountId: '', name: '', contacts: [{ email: 'nope' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.accountId', 'body.contacts.0.email', 'body.name']);
  });

  it('API.md conventions (Idempotency-Key, issue 11 review 2 item 4): a retried enrollment answers the first 201, not 409 STATE_CONFLICT', async () => {
    const account = await activeAccount();
    const send = (headers: Record<string, string> = OPS) =>
      enroll({ accountId: account.accountId, name: 'Acme Cloud' }, { ...headers, 'idempotency-key': `enroll-${account.accountId}` });
    const first = await send();
    const again = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await tracesOf(account.accountId)).filter((t) => t.traceName === 'enrollPartner')).toHaveLength(1);
  });
});
