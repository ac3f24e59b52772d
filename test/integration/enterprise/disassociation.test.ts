/**
 * Issue 12: member disassociation (R-MM-01..03, R-MM-05) over the real handlers on DynamoDB Local: the master
 * requests, the R-MM-03 conditions are named on both sides at the request and again at the member's agreement, one
 * open request per pair, the master cancels only while pending, only the member decides, the association ends in one
 * transaction (facts, counters, the former-member window), both accounts told, the records on both views, a member
 * the master created is suspended until it binds a payment method, and a request lapses through the test clock and
 * the scheduler. This file moves the test clock (its table is its own).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { masterView, memberView } from '../../../lib/enterprise/association-log.js';
import { listFormerWindows, loadMember, loadMemberOf } from '../../../lib/enterprise/store.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { freshToken, logEvents, traces } from '../../support/disassociation.js';
import { acceptedMember, enabledMaster, invite } from '../../support/enterprise.js';
import {
  cancelDisassociation,
  createMember,
  decideDisassociation,
  recordPaymentMethod,
  requestDisassociation,
} from '../../support/enterprise-disassociation.js';

const DAY = 86_400_000;
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);
const kinds = async (email: string) => (await listRecordedMessages(email, 20)).map((m) => m.kind);

afterEach(() => setClockOffset(0));

async function pair(opts: Parameters<typeof acceptedMember>[1] = {}) {
  const master = await enabledMaster();
  const { member } = await acceptedMember(master, opts);
  return { master, member };
}

describe('R-MM-01/02: requesting and cancelling a disassociation (issue 12)', () => {
  it('R-MM-01: the master requests (201 pending, 15 days); the member is told; logged on both views; audited on the master', async () => {
    const { master, member } = await pair({ accountingMode: 'independent' });
    const res = await requestDisassociation(master, member.accountId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', memberAccountId: member.accountId });
    const request = (await loadHandshake(res.body.requestId))!;
    expect(request).toMatchObject({ kind: 'enterprise-disassociation', state: 'pending', initiator: { id: master.accountId } });
    expect(Date.parse(res.body.expiresAt) - Date.parse(request.createdAt)).toBe(15 * DAY);
    expect(await kinds(member.email)).toContain('enterprise-disassociation-requested');
    expect(await logEvents(memberView(member.accountId))).toContain('disassociation-requested');
    expect(await logEvents(masterView(master.accountId))).toContain('disassociation-requested');
    expect((await traces(master.accountId)).map((t) => t.traceName)).toContain('requestMemberDisassociation');
    // Nothing ends until the member agrees.
    expect(await loadMemberOf(member.accountId)).toBeDefined();
  });

  it('R-MM-02: one open request per pair (422 NOT_ALLOWED request-pending)', async () => {
    const { master, member } = await pair();
    expect((await requestDisassociation(master, member.accountId)).status).toBe(201);
    const again = await requestDisassociation(master, member.accountId);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('NOT_ALLOWED');
    expect(conditions(again.body)).toEqual(['request-pending']);
  });

  it('R-MM-01 (BOLA): a non-master is refused (403); another master’s member or an unknown one is not found (404)', async () => {
    const { master, member } = await pair();
    const other = await enabledMaster();
    const notMaster = await activeAccount();
    expect((await requestDisassociation(notMaster, member.accountId)).status).toBe(403);
    expect((await requestDisassociation(other, member.accountId)).status).toBe(404);
    expect((await requestDisassociation(master, notMaster.accountId)).status).toBe(404);
    expect((await requestDisassociation(master, 'ac_doesnotexist')).status).toBe(404);
  });

  it('R-MM-02: only the master cancels (the member, no master: 403; another master: 404); only the member decides (the master, another account: 404)', async () => {
    const { master, member } = await pair();
    const other = await enabledMaster();
    const stranger = await activeAccount();
    const { requestId } = (await requestDisassociation(master, member.accountId)).body;
    expect((await cancelDisassociation(member, requestId)).status).toBe(403);
    expect((await cancelDisassociation(other, requestId)).status).toBe(404);
    expect((await decideDisassociation(master, requestId)).status).toBe(404);
    expect((await decideDisassociation(stranger, requestId)).status).toBe(404);
    expect((await loadHandshake(requestId))!.state).toBe('pending');
  });

  it('R-MM-02: the master cancels while pending (both told, logged); then requests again; once the member agreed it cannot cancel (422 not-pending)', async () => {
    const { master, member } = await pair();
    const first = (await requestDisassociation(master, member.accountId)).body.requestId as string;
    const canceled = await cancelDisassociation(master, first);
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect(canceled.body).toEqual({ requestId: first, status: 'canceled' });
    expect(await kinds(member.email)).toContain('enterprise-disassociation-result');
    expect(await kinds(master.email)).toContain('enterprise-disassociation-result');
    expect(await loadMemberOf(member.accountId)).toBeDefined();
    const second = await requestDisassociation(master, member.accountId);
    expect(second.status).toBe(201);
    expect((await decideDisassociation(member, second.body.requestId)).status).toBe(200);
    const late = await cancelDisassociation(master, second.body.requestId);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('NOT_ALLOWED');
    expect(conditions(late.body)).toEqual(['not-pending']);
    expect(await logEvents(memberView(member.accountId))).toEqual([
      'invitation-created',
      'invitation-accepted',
      'associated',
      'disassociation-requested',
      'disassociation-canceled',
      'disassociation-requested',
      'disassociation-agreed',
      'disassociated',
    ]);
  });
});

describe('R-MM-03: the conditions, named, on both sides (issue 12)', () => {
  const CASES = [
    ['member-unpaid-orders', 'member', { unpaidOrders: true }],
    ['member-suspended', 'member', { suspended: true }],
    ['master-suspended', 'master', { suspended: true }],
  ] as const;

  it.each(CASES)('R-MM-03: %s refuses the request (422 CHECK_FAILED naming it)', async (condition, side, standing) => {
    const accounts = await pair();
    await putStanding(accounts[side].accountId, standing);
    const res = await requestDisassociation(accounts.master, accounts.member.accountId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CHECK_FAILED');
    expect(conditions(res.body)).toEqual([condition]);
    expect(res.body.failures[0].message).toMatch(/first|Contact customer service/);
  });

  it.each(CASES)(
    'R-MM-03: %s arising after the request refuses the agreement; the association continues',
    async (condition, side, standing) => {
      const accounts = await pair();
      const { requestId } = (await requestDisassociation(accounts.master, accounts.member.accountId)).body;
      await putStanding(accounts[side].accountId, standing);
      const res = await decideDisassociation(accounts.member, requestId);
      expect(res.status).toBe(422);
      expect(conditions(res.body)).toEqual([condition]);
      expect(await loadMemberOf(accounts.member.accountId)).toBeDefined();
      expect((await loadHandshake(requestId))!.state).toBe('pending');
    },
  );
});

describe('R-MM-01/05: the member agrees or rejects (issue 12)', () => {
  it('R-MM-01/05: agreeing ends the association: row, pointer and facts gone, counters down, the window kept; both told; records on both views', async () => {
    const { master, member } = await pair({ accountingMode: 'independent', permissions: ['view-bills'] });
    const associatedAt = (await loadMember(master.accountId, member.accountId))!.associatedAt;
    const { requestId } = (await requestDisassociation(master, member.accountId)).body;
    const res = await decideDisassociation(member, requestId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'accepted' });
    expect(res.body.paymentMethodRequired).toBeUndefined();
    expect(await loadMember(master.accountId, member.accountId)).toBeUndefined();
    expect(await loadMemberOf(member.accountId)).toBeUndefined();
    const memberFacts = await loadFacts(member.accountId);
    expect(memberFacts.associations).toMatchObject({ enterpriseMember: false, enterpriseAssociated: false, awaitingPaymentMethod: false });
    expect(memberFacts.masterAccountId).toBeUndefined();
    const masterFacts = await loadFacts(master.accountId);
    expect(masterFacts.memberCounts).toEqual({ enterpriseMembers: 0, unifiedMembers: 0, independentMembers: 0 });
    expect(masterFacts.associations).toMatchObject({ enterpriseAssociated: false, masterWithIndependentMembers: false });
    // R-MM-05: orders placed in [from, to) stay visible to the master.
    expect(await listFormerWindows(master.accountId, member.accountId)).toEqual([
      { memberAccountId: member.accountId, accountingMode: 'independent', from: associatedAt, to: res.body.disassociatedAt },
    ]);
    expect(await kinds(member.email)).toContain('enterprise-disassociation-result');
    expect(await kinds(master.email)).toContain('enterprise-disassociation-result');
    for (const view of [masterView(master.accountId), memberView(member.accountId)])
      expect((await logEvents(view)).slice(-2)).toEqual(['disassociation-agreed', 'disassociated']);
    expect((await traces(member.accountId)).map((t) => t.traceName)).toContain('decideMemberDisassociation');
    expect((await traces(master.accountId)).map((t) => t.traceName)).toContain('decideMemberDisassociation');
    // A former member can be invited again.
    expect((await invite(master, member)).status).toBe(201);
  });

  it('R-MM-01: rejecting keeps the association; both told; logged', async () => {
    const { master, member } = await pair();
    const { requestId } = (await requestDisassociation(master, member.accountId)).body;
    const res = await decideDisassociation(member, requestId, false);
    expect(res.body).toEqual({ status: 'rejected' });
    expect(await loadMemberOf(member.accountId)).toBeDefined();
    expect((await loadFacts(master.accountId)).memberCounts?.enterpriseMembers).toBe(1);
    expect(await kinds(master.email)).toContain('enterprise-disassociation-result');
    expect((await logEvents(memberView(member.accountId))).at(-1)).toBe('disassociation-rejected');
    expect((await requestDisassociation(master, member.accountId)).status).toBe(201);
  });

  it('R-MM-05: a member the master created, without a payment method, is suspended after disassociation until it binds one', async () => {
    const master = await enabledMaster();
    const { res: created } = await createMember(master, { accountingMode: 'unified' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const member = { accountId: created.body.memberAccountId as string, token: '' };
    await freshToken(member);
    const { requestId } = (await requestDisassociation(master, member.accountId)).body;
    const res = await decideDisassociation(member, requestId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.paymentMethodRequired).toBe(true);
    expect((await loadFacts(member.accountId)).associations.awaitingPaymentMethod).toBe(true);
    // Binding a payment method ends it (accounts' recordPaymentMethod, same transaction).
    expect((await recordPaymentMethod(member.accountId, 'none')).status).toBe(200);
    expect((await loadFacts(member.accountId)).associations.awaitingPaymentMethod).toBe(true);
    expect((await recordPaymentMethod(member.accountId, 'bound')).status).toBe(200);
    expect((await loadFacts(member.accountId)).associations.awaitingPaymentMethod).toBe(false);
  });

  it('R-MM-05: a created member with a bound payment method, and an invited member, are not suspended after disassociation', async () => {
    const master = await enabledMaster();
    const { res: created } = await createMember(master);
    const bound = { accountId: created.body.memberAccountId as string, token: '' };
    await freshToken(bound);
    expect((await recordPaymentMethod(bound.accountId, 'bound')).status).toBe(200);
    const { member: invited } = await acceptedMember(master);
    for (const member of [bound, invited]) {
      const { requestId } = (await requestDisassociation(master, member.accountId)).body;
      const res = await decideDisassociation(member, requestId);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.paymentMethodRequired).toBeUndefined();
      expect((await loadFacts(member.accountId)).associations.awaitingPaymentMethod).toBe(false);
    }
  });
});

describe('R-MM-02: a request lapses through the scheduler (issue 12)', () => {
  it('R-MM-02: the scheduler expires a request at 15 days (not before): logged on both views, both told, the association continues', async () => {
    const { master, member } = await pair();
    const { requestId } = (await requestDisassociation(master, member.accountId)).body;
    setClockOffset(clockOffset() + 15 * DAY - 60_000);
    await runScheduler();
    expect((await loadHandshake(requestId))!.state).toBe('pending');
    setClockOffset(clockOffset() + 120_000);
    await runScheduler();
    expect((await loadHandshake(requestId))!).toMatchObject({ state: 'expired', decidedBy: { role: 'system', id: 'scheduler' } });
    for (const view of [masterView(master.accountId), memberView(member.accountId)])
      expect((await logEvents(view)).at(-1)).toBe('disassociation-expired');
    expect(await kinds(member.email)).toContain('enterprise-disassociation-result');
    expect(await kinds(master.email)).toContain('enterprise-disassociation-result');
    expect(await loadMemberOf(member.accountId)).toBeDefined();
    await freshToken(member);
    await freshToken(master);
    const late = await decideDisassociation(member, requestId);
    expect(late.status).toBe(422);
    expect(conditions(late.body)).toEqual(['not-pending']);
    // The open claim is released: a new request is possible.
    expect((await requestDisassociation(master, member.accountId)).status).toBe(201);
  });

  it('R-MM-02: a lapsed request the scheduler has not reached does not block a new one', async () => {
    const { master, member } = await pair();
    const { requestId } = (await requestDisassociation(master, member.accountId)).body;
    setClockOffset(clockOffset() + 15 * DAY + 60_000);
    await freshToken(member);
    await freshToken(master);
    const late = await decideDisassociation(member, requestId);
    expect(conditions(late.body)).toEqual(['expired']);
    expect((await requestDisassociation(master, member.accountId)).status).toBe(201);
    expect((await loadHandshake(requestId))!.state).toBe('expired');
  });
});
