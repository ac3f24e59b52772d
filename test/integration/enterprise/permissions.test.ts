/**
 * Issue 12 route 7 (R-MM-08): the member grants or withdraws each permission its master requested, later than at
 * acceptance, over the real handler on DynamoDB Local: only requested ones (400 naming each other one), only a
 * member (404), conditional on the member row's version (parallel changes: one wins, the other 409), logged on
 * both views, audited on the member, told to the master.
 */
import { describe, expect, it } from 'vitest';
import { listLog } from '../../../lib/core/association-log/store.js';
import { masterView, memberView } from '../../../lib/enterprise/association-log.js';
import { loadMember } from '../../../lib/enterprise/store.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { activeAccount } from '../../support/closure.js';
import { traces } from '../../support/disassociation.js';
import { acceptedMember, enabledMaster } from '../../support/enterprise.js';
import { masterAccount, setPermissions } from '../../support/enterprise-views.js';

const ALL = ['view-bills', 'manage-budgets', 'issue-invoices'] as const;

describe('setMasterPermissions (issue 12 route 7)', () => {
  it('R-MM-08: the member grants and withdraws requested permissions; logged on both views, audited, the master told', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { permissions: ['view-bills', 'manage-budgets'], grant: [] });
    const res = await setPermissions(member, ['manage-budgets', 'view-bills']);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ requested: ['view-bills', 'manage-budgets'], granted: ['manage-budgets', 'view-bills'] });
    const row = await loadMember(master.accountId, member.accountId);
    expect(row).toMatchObject({ permissions: ['manage-budgets', 'view-bills'], version: 2 });
    expect((await masterAccount(member)).body.permissions).toEqual({
      requested: ['view-bills', 'manage-budgets'],
      granted: ['manage-budgets', 'view-bills'],
    });
    const withdrawn = await setPermissions(member, []);
    expect(withdrawn.body).toEqual({ requested: ['view-bills', 'manage-budgets'], granted: [] });
    for (const view of [masterView(master.accountId), memberView(member.accountId)]) {
      const entries = (await listLog(view, { limit: 100 })).items.filter((e) => e.event === 'permissions-changed');
      expect(entries.map((e) => e.details?.permissions)).toEqual([['manage-budgets', 'view-bills'], []]);
      expect(entries[0]!.actor).toEqual({ kind: 'account', id: member.accountId });
    }
    const audit = (await traces(member.accountId)).filter((t) => t.traceName === 'setMasterPermissions');
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ result: 'success' });
    const told = (await listRecordedMessages(master.email, 10)).filter((m) => m.kind === 'enterprise-permissions-changed');
    expect(told).toHaveLength(2);
    expect(told[0]!.body).toContain(member.accountId);
  });

  it('R-MM-08: a permission the master did not request is refused (400 naming each one); nothing changes', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { permissions: ['view-bills'] });
    const res = await setPermissions(member, ['view-bills', 'manage-budgets', 'issue-invoices']);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.permissions.1', 'body.permissions.2']);
    expect((await loadMember(master.accountId, member.accountId))!).toMatchObject({ permissions: ['view-bills'], version: 1 });
  });

  it.each([
    ['not a list', 'view-bills'],
    ['an unknown permission', ['view-everything']],
    ['a missing field', undefined],
  ])('R-MM-08: a bad body (%s) is a 400', async (_name, permissions) => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { permissions: [...ALL] });
    expect((await setPermissions(member, permissions)).status).toBe(400);
  });

  it('R-MM-08: an account that is no member is not found (404), also the master itself', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    expect((await setPermissions(account, [])).status).toBe(404);
    expect((await setPermissions(master, [])).status).toBe(404);
  });

  it('R-MM-08: parallel changes are conditional on the member row version: one wins, the other answers 409, nothing lost', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { permissions: [...ALL], grant: [] });
    const sets = [['view-bills'], ['manage-budgets'], ['issue-invoices'], ['view-bills', 'issue-invoices']];
    const results = await Promise.all(sets.map((p) => setPermissions(member, p)));
    const statuses = results.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    const won = results.filter((r) => r.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    const row = (await loadMember(master.accountId, member.accountId))!;
    expect(row.version).toBe(1 + won.length);
    expect(won.map((r) => r.body.granted)).toContainEqual(row.permissions);
    const logged = (await listLog(memberView(member.accountId), { limit: 100 })).items.filter((e) => e.event === 'permissions-changed');
    expect(logged).toHaveLength(won.length);
  });
});
