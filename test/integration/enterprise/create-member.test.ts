/**
 * Issue 12 (seed 000 "a member account that the master created"; R-MM-05, R-MM-06, R-MM-08): POST
 * /v1/enterprise/members over the real handler on DynamoDB Local — a sign-up proven with the `signup` email code,
 * associated at once (createdByMaster, the accounting mode asked, every requested permission granted), no session
 * for the master, facts, counters, records on both views and audit traces on both accounts; refusals write nothing.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { masterView, memberView } from '../../../lib/enterprise/association-log.js';
import { loadMember, loadMemberOf } from '../../../lib/enterprise/store.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { logEvents, traces } from '../../support/disassociation.js';
import { enabledMaster } from '../../support/enterprise.js';
import { createMember } from '../../support/enterprise-disassociation.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, uniqueEmail, verificationFor } from '../../support/identity.js';
import { handler as createHandler } from '../../../functions/enterprise/createEnterpriseMember.js';

const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

async function sessionsOf(accountId: string): Promise<number> {
  const out = await db().send(
    new ScanCommand({
      TableName: TABLE(),
      FilterExpression: 'begins_with(pk, :p) AND accountId = :a',
      ExpressionAttributeValues: { ':p': 'SESSION#', ':a': accountId },
      ConsistentRead: true,
    }),
  );
  return out.Items?.length ?? 0;
}

describe('issue 12: the master creates a member account (seed 000, R-MM-05/06/08)', () => {
  it('issue 12: the new account is associated at once (createdByMaster, mode, every requested permission); no session is answered or written', async () => {
    const master = await enabledMaster();
    const { res, email } = await createMember(master, { accountingMode: 'independent', permissions: ['view-bills', 'issue-invoices'] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      memberAccountId: expect.any(String),
      status: 'associated',
      accountingMode: 'independent',
      permissions: ['view-bills', 'issue-invoices'],
    });
    expect(res.body.session).toBeUndefined();
    const memberId = res.body.memberAccountId as string;
    expect(await sessionsOf(memberId)).toBe(0);
    expect(await findAccount(memberId)).toMatchObject({ email, status: 'registered' });
    expect(await loadMember(master.accountId, memberId)).toMatchObject({
      createdByMaster: true,
      accountingMode: 'independent',
      requestedPermissions: ['view-bills', 'issue-invoices'],
      permissions: ['view-bills', 'issue-invoices'],
    });
    expect((await loadMemberOf(memberId))?.masterAccountId).toBe(master.accountId);
    const facts = await loadFacts(memberId);
    expect(facts.associations).toMatchObject({ enterpriseMember: true, enterpriseAssociated: true, enterpriseUnifiedMember: false });
    expect(facts.masterAccountId).toBe(master.accountId);
    expect((await loadFacts(master.accountId)).memberCounts).toEqual({ enterpriseMembers: 1, unifiedMembers: 0, independentMembers: 1 });
    for (const view of [masterView(master.accountId), memberView(memberId)])
      expect((await logEvents(view)).slice(-2)).toEqual(['member-created', 'associated']);
    expect((await traces(master.accountId)).map((t) => t.traceName)).toContain('createEnterpriseMember');
    const memberTraces = await traces(memberId);
    expect(memberTraces.map((t) => t.traceName).sort()).toEqual(['createEnterpriseMember', 'signUp']);
    expect(memberTraces.find((t) => t.traceName === 'createEnterpriseMember')?.actor).toBe(master.accountId);
  });

  it('issue 12: a non-master is refused (403) and a suspended master is refused (422 master-suspended); nothing is created', async () => {
    const notMaster = await activeAccount();
    const { res: refused } = await createMember(notMaster);
    expect(refused.status).toBe(403);
    const master = await enabledMaster();
    await putStanding(master.accountId, { suspended: true });
    const { res: suspended } = await createMember(master);
    expect(suspended.status).toBe(422);
    expect(conditions(suspended.body)).toEqual(['master-suspended']);
    expect((await loadFacts(master.accountId)).memberCounts).toBeUndefined();
    // The session probe sees a signed-up account's session (so its 0 above is not vacuous).
    expect(await sessionsOf(notMaster.accountId)).toBeGreaterThan(0);
  });

  it('issue 12: the sign-up rules hold — a wrong code (401), a bad body (400 naming the field); nothing is associated', async () => {
    const master = await enabledMaster();
    const email = uniqueEmail('member');
    const verification = await verificationFor('signup', 'email', email, { destination: email });
    const body = { countryRegion: 'DE', email, password: PASSWORD, accountingMode: 'unified' };
    const call = (b: Record<string, unknown>) =>
      invoke(createHandler, { method: 'POST', path: '/v1/enterprise/members', headers: bearer(master.token), body: b });
    const wrong = await call({ ...body, verification: { ...verification, code: verification.code === '000000' ? '111111' : '000000' } });
    expect(wrong.status).toBe(401);
    const bad = await call({ countryRegion: 'DE', email, password: PASSWORD, verification, accountingMode: 'sometimes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('accountingMode');
    expect((await loadFacts(master.accountId)).memberCounts).toBeUndefined();
  });
});
