/**
 * Issue 12 (e2e): enterprise master and member over HTTP on the local stage, every answer checked against the
 * served OpenAPI document (test/support/http.ts `call`). One story, step by step: the master invites → the member
 * sees it with the impacts and accepts with some permissions → its closure check names `enterprise-associated` →
 * the master requests disassociation → cancels → requests again → the member agrees → both views agree, both
 * were told, the records on both sides.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { emailVerification, messages, signUpOverHttp, uniqueE2eEmail } from '../support/e2e.js';
import { call } from '../support/http.js';

const OPS = { 'x-operator-key': 'local-operator-key' };
let advanced = 0;
async function advance(seconds: number) {
  advanced += seconds;
  expect((await call('POST', '/local/clock', { body: { advanceSeconds: seconds } })).status).toBe(200);
}
afterAll(async () => {
  if (advanced) await call('POST', '/local/clock', { body: { advanceSeconds: -advanced } });
});
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);
const closureFailures = (body: { groups: Array<{ failures: Array<{ condition: string }> }> }) =>
  body.groups.flatMap((g) => g.failures.map((f) => f.condition));
const kinds = async (email: string) => (await messages(email)).map((m) => m.kind);

async function activeAccount(tag: string) {
  const account = await signUpOverHttp(uniqueE2eEmail(tag));
  expect((await call('POST', '/v1/account/enable', { token: account.token, body: { acceptAgreements: true } })).status).toBe(200);
  return account;
}

/** An enterprise-type account with Enterprise Center enabled (R-MM-01). */
async function enabledMaster() {
  const account = await activeAccount('master');
  const typed = await call('PUT', '/v1/account/type', {
    token: account.token,
    body: { accountType: 'enterprise', name: 'Example Holding AG' },
  });
  expect(typed.status, JSON.stringify(typed.body)).toBe(200);
  const enabled = await call('POST', '/v1/enterprise-center', { token: account.token });
  expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
  expect(enabled.body).toMatchObject({ master: true });
  return account;
}

describe('enterprise master and member over HTTP on the local stage (issue 12)', () => {
  type Account = Awaited<ReturnType<typeof activeAccount>>;
  let master: Account;
  let member: Account;
  let invitationId: string;
  let firstRequestId: string;
  let secondRequestId: string;
  let disassociatedAt: string;

  it('R-MM-01 R-MM-06 R-MM-08 R-MM-07: an enterprise account enables Enterprise Center and invites a member (unified accounting, two permissions requested)', async () => {
    master = await enabledMaster();
    member = await activeAccount('member');
    const invited = await call('POST', '/v1/enterprise/invitations', {
      token: master.token,
      body: { memberAccountId: member.accountId, accountingMode: 'unified', permissions: ['view-bills', 'manage-budgets'] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toMatchObject({ status: 'pending', accountingMode: 'unified', permissions: ['view-bills', 'manage-budgets'] });
    expect(invited.body.expiresAt).toBeTruthy();
    invitationId = invited.body.invitationId;
    const sent = await call('GET', '/v1/enterprise/invitations', { token: master.token });
    expect(sent.status).toBe(200);
    expect(sent.body.items).toEqual([expect.objectContaining({ invitationId, memberAccountId: member.accountId, status: 'pending' })]);
    // R-MM-07: it lapses 15 days (*default*) after it was sent.
    expect(Date.parse(invited.body.expiresAt) - Date.parse(sent.body.items[0].createdAt)).toBe(15 * 86_400_000);
    expect(await kinds(member.email)).toContain('enterprise-invitation');
  });

  it('R-MM-04 R-MM-08: the member sees the invitation with the impacts on GET /v1/master-account and accepts granting only some permissions', async () => {
    const seen = await call('GET', '/v1/master-account', { token: member.token });
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body.master).toBeUndefined();
    expect(seen.body.invitations).toEqual([
      expect.objectContaining({
        invitationId,
        masterAccountId: master.accountId,
        enterpriseName: 'Example Holding AG',
        accountingMode: 'unified',
        permissions: ['view-bills', 'manage-budgets'],
      }),
    ]);
    const impacts = seen.body.invitations[0].impacts as string[];
    expect(impacts).toHaveLength(5);

    // Accepting requires the agreement (400) and grants only what was requested (400 naming the field).
    const noAgreement = await call('POST', `/v1/master-account/invitations/${invitationId}/decision`, {
      token: member.token,
      body: { accept: true },
    });
    expect(noAgreement.status).toBe(400);
    const notRequested = await call('POST', `/v1/master-account/invitations/${invitationId}/decision`, {
      token: member.token,
      body: { accept: true, acceptAgreement: true, grantPermissions: ['issue-invoices'] },
    });
    expect(notRequested.status).toBe(400);

    const accepted = await call('POST', `/v1/master-account/invitations/${invitationId}/decision`, {
      token: member.token,
      body: { accept: true, acceptAgreement: true, grantPermissions: ['view-bills'] },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.impacts).toEqual(impacts);

    const mine = await call('GET', '/v1/master-account', { token: member.token });
    expect(mine.body.master).toMatchObject({
      masterAccountId: master.accountId,
      enterpriseName: 'Example Holding AG',
      accountingMode: 'unified',
    });
    expect(mine.body.permissions).toEqual({ requested: ['view-bills', 'manage-budgets'], granted: ['view-bills'] });
    expect(mine.body.invitations).toEqual([]);
    const members = await call('GET', '/v1/enterprise/members', { token: master.token });
    expect(members.status).toBe(200);
    expect(members.body.items).toEqual([
      expect.objectContaining({
        memberAccountId: member.accountId,
        accountingMode: 'unified',
        permissions: ['view-bills'],
        createdByMaster: false,
      }),
    ]);
    expect(await kinds(master.email)).toContain('enterprise-invitation-result');
  });

  it('R-CL-03: the member’s closure check fails with enterprise-associated', async () => {
    expect((await call('PUT', `/v1/ops/accounts/${member.accountId}/standing`, { headers: OPS, body: {} })).status).toBe(200);
    const check = await call('POST', '/v1/closure/checks', {
      token: member.token,
      body: {
        acceptTerms: true,
        reason: 'no-longer-needed',
        verification: await emailVerification('close-services', member.email, member.token),
      },
    });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.passed).toBe(false);
    expect(closureFailures(check.body)).toContain('enterprise-associated');
  });

  it('R-MM-01 R-MM-03: the master requests disassociation (the conditions on both sides pass); the member sees it pending', async () => {
    const requested = await call('POST', `/v1/enterprise/members/${member.accountId}/disassociation-requests`, { token: master.token });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toMatchObject({ status: 'pending', memberAccountId: member.accountId });
    firstRequestId = requested.body.requestId;
    const seen = await call('GET', '/v1/master-account', { token: member.token });
    expect(seen.body.disassociationRequests).toEqual([
      expect.objectContaining({ requestId: firstRequestId, masterAccountId: master.accountId, status: 'pending' }),
    ]);
    const members = await call('GET', '/v1/enterprise/members', { token: master.token });
    expect(members.body.items[0].pendingDisassociation).toMatchObject({ requestId: firstRequestId });
    expect(await kinds(member.email)).toContain('enterprise-disassociation-requested');
  });

  it('R-MM-02: the master cancels while pending; the association continues and the member no longer sees the request', async () => {
    const canceled = await call('DELETE', `/v1/enterprise/disassociation-requests/${firstRequestId}`, { token: master.token });
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    const seen = await call('GET', '/v1/master-account', { token: member.token });
    expect(seen.body.disassociationRequests).toEqual([]);
    expect(seen.body.master).toMatchObject({ masterAccountId: master.accountId });
    // A canceled request cannot be agreed to any more.
    const late = await call('POST', `/v1/master-account/disassociation-requests/${firstRequestId}/decision`, {
      token: member.token,
      body: { accept: true },
    });
    expect(late.status).toBe(422);
  });

  it('R-MM-01 R-MM-02: the master requests again and the member agrees: the association ends', async () => {
    const again = await call('POST', `/v1/enterprise/members/${member.accountId}/disassociation-requests`, { token: master.token });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    secondRequestId = again.body.requestId;
    expect(secondRequestId).not.toBe(firstRequestId);
    const agreed = await call('POST', `/v1/master-account/disassociation-requests/${secondRequestId}/decision`, {
      token: member.token,
      body: { accept: true },
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.status).toBe('accepted');
    expect(agreed.body.disassociatedAt).toBeTruthy();
    disassociatedAt = agreed.body.disassociatedAt;
    // The master cannot cancel an agreed request (R-MM-02: only until the member accepts).
    const tooLate = await call('DELETE', `/v1/enterprise/disassociation-requests/${secondRequestId}`, { token: master.token });
    expect(tooLate.status).toBe(422);
    expect(conditions(tooLate.body)).toContain('not-pending');
  });

  it('R-MM-05: both views agree — the member has no master, the master no longer lists it, its order window is closed', async () => {
    const mine = await call('GET', '/v1/master-account', { token: member.token });
    expect(mine.status).toBe(200);
    expect(mine.body.master).toBeUndefined();
    expect(mine.body.permissions).toBeUndefined();
    expect(mine.body.disassociationRequests).toEqual([]);
    const members = await call('GET', '/v1/enterprise/members', { token: master.token });
    expect(members.body.items.map((i: { memberAccountId: string }) => i.memberAccountId)).not.toContain(member.accountId);
    const windows = await call('GET', `/v1/enterprise/members/${member.accountId}/order-windows`, { token: master.token });
    expect(windows.status, JSON.stringify(windows.body)).toBe(200);
    expect(windows.body).toMatchObject({ memberAccountId: member.accountId });
    expect(windows.body.windows).toEqual([expect.objectContaining({ from: expect.any(String), to: disassociatedAt })]);
    expect(windows.body.windows[0].from < disassociatedAt).toBe(true);
    // R-CL-03: no longer associated, the closure check no longer names it (a second code: past the resend cooldown).
    await advance(61);
    const check = await call('POST', '/v1/closure/checks', {
      token: member.token,
      body: {
        acceptTerms: true,
        reason: 'no-longer-needed',
        verification: await emailVerification('close-services', member.email, member.token),
      },
    });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(closureFailures(check.body)).not.toContain('enterprise-associated');
  });

  it('R-MM-01 R-MM-02: both were told of each request’s outcome (message sink)', async () => {
    const toMember = await messages(member.email);
    const toMaster = await messages(master.email);
    const results = (list: Array<{ kind: string; body: string }>) =>
      list.filter((m) => m.kind === 'enterprise-disassociation-result').map((m) => m.body);
    expect(toMember.filter((m) => m.kind === 'enterprise-disassociation-requested')).toHaveLength(2);
    for (const list of [toMember, toMaster]) {
      expect(results(list).some((b) => b.includes('canceled'))).toBe(true);
      expect(results(list).some((b) => b.includes('agreed'))).toBe(true);
    }
  });

  it('R-MM-01 R-MM-02 R-MM-08: the records on both sides (GET /v1/enterprise/records, GET /v1/master-account/records)', async () => {
    const masterSide = await call('GET', '/v1/enterprise/records', { token: master.token });
    expect(masterSide.status, JSON.stringify(masterSide.body)).toBe(200);
    const memberSide = await call('GET', '/v1/master-account/records', { token: member.token });
    expect(memberSide.status, JSON.stringify(memberSide.body)).toBe(200);
    const events = (body: { items: Array<{ event: string; memberAccountId: string }> }) =>
      body.items.filter((i) => i.memberAccountId === member.accountId).map((i) => i.event);
    const expected = [
      'invitation-created',
      'invitation-accepted',
      'associated',
      'disassociation-requested',
      'disassociation-canceled',
      'disassociation-agreed',
      'disassociated',
    ];
    for (const e of expected) {
      expect(events(masterSide.body), `master: ${e}`).toContain(e);
      expect(events(memberSide.body), `member: ${e}`).toContain(e);
    }
    expect(events(memberSide.body).filter((e) => e === 'disassociation-requested')).toHaveLength(2);
    for (const item of memberSide.body.items) expect(item.masterAccountId).toBe(master.accountId);
  });
});
