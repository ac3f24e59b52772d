/**
 * Issue 12: Enterprise Center (R-MM-01) and invitations as handshakes (R-MM-04, R-MM-06, R-MM-07, R-MM-08) over the
 * real handlers on DynamoDB Local: who may enable it, what an invitation names, who decides and who cancels, one
 * open invitation per account, the open-invitation cap, the facts an acceptance writes, the lapse through the test
 * clock and the scheduler. This file moves the test clock (its table is its own).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { enterpriseConfig } from '../../../lib/core/config.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { masterView, memberView } from '../../../lib/enterprise/association-log.js';
import { MEMBER_IMPACTS } from '../../../lib/enterprise/kinds.js';
import { loadMember, loadMemberOf, loadProfile } from '../../../lib/enterprise/store.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { freshToken } from '../../support/disassociation.js';
import { acceptedMember, cancelInvitation, decide, enable, enabledMaster, invite, setAccountType } from '../../support/enterprise.js';
import { accountManager, associatedCustomer, enrolledPartner } from '../../support/partners.js';

const DAY = 86_400_000;
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);
const events = async (view: string) => (await listLog(view, { limit: 100 })).items.map((e) => e.event);

const capBefore = enterpriseConfig.maxOpenInvitations;
afterEach(() => {
  setClockOffset(0);
  (enterpriseConfig as { maxOpenInvitations: number }).maxOpenInvitations = capBefore;
});

describe('R-MM-01: enabling Enterprise Center (issue 12)', () => {
  it('R-MM-01: an enterprise account enables it (200 { master: true }, idempotent); the fact enterpriseMaster is set and logged', async () => {
    const master = await enabledMaster();
    expect((await enable(master)).body).toEqual({ master: true });
    expect((await loadFacts(master.accountId)).associations.enterpriseMaster).toBe(true);
    expect(await loadProfile(master.accountId)).toMatchObject({
      masterAccountId: master.accountId,
      enterpriseName: master.enterpriseName,
      openInvitations: 0,
    });
    expect(await events(masterView(master.accountId))).toEqual(['enterprise-center-enabled']);
  });

  it('R-MM-01: an individual or untyped account is refused (422 CHECK_FAILED not-enterprise-account)', async () => {
    const account = await activeAccount();
    const untyped = await enable(account);
    expect(untyped.status).toBe(422);
    expect(untyped.body.code).toBe('CHECK_FAILED');
    expect(conditions(untyped.body)).toEqual(['not-enterprise-account']);
    expect((await setAccountType(account, 'individual', 'Zhu Xiaoming')).status).toBe(200);
    expect(conditions((await enable(account)).body)).toEqual(['not-enterprise-account']);
    expect(await loadProfile(account.accountId)).toBeUndefined();
  });

  it('R-MM-01: an account in the partner program is refused (partner-program)', async () => {
    const partner = await enrolledPartner();
    const manager = await accountManager(partner);
    expect((await setAccountType(manager, 'enterprise')).status).toBe(200);
    const res = await enable(manager);
    expect(res.status).toBe(422);
    expect(conditions(res.body)).toEqual(['partner-program']);
  });

  it('R-MM-01: a member of a master and a suspended account are refused (enterprise-member, account-suspended)', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    expect((await setAccountType(member, 'enterprise')).status).toBe(200);
    expect(conditions((await enable(member)).body)).toEqual(['enterprise-member']);
    const suspended = await activeAccount();
    expect((await setAccountType(suspended, 'enterprise')).status).toBe(200);
    await putStanding(suspended.accountId, { suspended: true });
    expect(conditions((await enable(suspended)).body)).toEqual(['account-suspended']);
  });
});

describe('R-MM-06/07/08: invitations (issue 12)', () => {
  it('R-MM-06/R-MM-08: the invitation names the accounting mode and the requested permissions; the invitee is told (201 pending, 15 days)', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const res = await invite(master, account, { accountingMode: 'independent', permissions: ['view-bills', 'issue-invoices'] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'pending',
      memberAccountId: account.accountId,
      accountingMode: 'independent',
      permissions: ['view-bills', 'issue-invoices'],
    });
    const request = (await loadHandshake(res.body.invitationId))!;
    expect(request).toMatchObject({
      kind: 'enterprise-invitation',
      state: 'pending',
      payload: { accountingMode: 'independent', permissions: ['view-bills', 'issue-invoices'], enterpriseName: master.enterpriseName },
    });
    expect(Date.parse(res.body.expiresAt) - Date.parse(request.createdAt)).toBe(15 * DAY);
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(1);
    expect((await listRecordedMessages(account.email, 5)).map((m) => m.kind)).toContain('enterprise-invitation');
    expect(await events(masterView(master.accountId))).toContain('invitation-created');
    expect(await events(memberView(account.accountId))).toEqual(['invitation-created']);
  });

  it('R-MM-01: a non-master cannot invite (403); an unknown account is not found (404); inviting itself is refused (self)', async () => {
    const notMaster = await activeAccount();
    const someone = await activeAccount();
    expect((await invite(notMaster, someone)).status).toBe(403);
    const master = await enabledMaster();
    const unknown = await invite(master, 'acc_doesnotexist');
    expect(unknown.status).toBe(404);
    const self = await invite(master, master);
    expect(self.status).toBe(422);
    expect(conditions(self.body)).toContain('self');
  });

  it('R-MM-04: a partner customer, another master and a member are invited (the master learns nothing about them); accepting names the condition to the invitee', async () => {
    const master = await enabledMaster();
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner, { model: 'referral' });
    const other = await enabledMaster();
    const { member } = await acceptedMember(other);
    for (const [invitee, condition] of [
      [customer, 'partner-associated'],
      [other, 'invitee-is-master'],
      [member, 'already-member'],
    ] as const) {
      const res = await invite(master, invitee);
      expect(res.status).toBe(201);
      expect(conditions((await decide(invitee, res.body.invitationId)).body)).toEqual([condition]);
    }
  });

  it('R-MM-07: a second open invitation to the same account is refused, whoever invites (422 NOT_ALLOWED invitation-pending)', async () => {
    const [a, b] = [await enabledMaster(), await enabledMaster()];
    const account = await activeAccount();
    expect((await invite(a, account)).status).toBe(201);
    for (const master of [a, b]) {
      const again = await invite(master, account);
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('NOT_ALLOWED');
      expect(conditions(again.body)).toEqual(['invitation-pending']);
    }
    expect((await loadProfile(b.accountId))!.openInvitations).toBe(0);
  });

  it('R-MM-07 (issue 12 cap): open invitations per master are capped (422 QUOTA_EXCEEDED open-invitations); a canceled one gives its slot back', async () => {
    (enterpriseConfig as { maxOpenInvitations: number }).maxOpenInvitations = 2;
    const master = await enabledMaster();
    const [x, y, z] = [await activeAccount(), await activeAccount(), await activeAccount()];
    const first = await invite(master, x);
    expect((await invite(master, y)).status).toBe(201);
    const over = await invite(master, z);
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('QUOTA_EXCEEDED');
    expect(conditions(over.body)).toEqual(['open-invitations']);
    expect((await cancelInvitation(master, first.body.invitationId)).body).toEqual({
      invitationId: first.body.invitationId,
      status: 'canceled',
    });
    expect((await invite(master, z)).status).toBe(201);
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(2);
  });
});

describe('R-MM-04/07/08: deciding an invitation (issue 12)', () => {
  it('R-MM-04/R-MM-08: accepting requires the agreement and grants a subset of the requested permissions (400 naming each other one)', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const { invitationId } = (await invite(master, account, { permissions: ['view-bills'] })).body;
    const noAgreement = await decide(account, invitationId, { accept: true, grantPermissions: ['view-bills'] });
    expect(noAgreement.status).toBe(400);
    expect(noAgreement.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.acceptAgreement']);
    const tooMuch = await decide(account, invitationId, {
      accept: true,
      acceptAgreement: true,
      grantPermissions: ['view-bills', 'manage-budgets', 'issue-invoices'],
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.grantPermissions.1', 'body.grantPermissions.2']);
    expect((await loadHandshake(invitationId))!.state).toBe('pending');
    const accepted = await decide(account, invitationId, { accept: true, acceptAgreement: true, grantPermissions: ['view-bills'] });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toEqual({
      status: 'accepted',
      impacts: [...MEMBER_IMPACTS],
      permissions: { requested: ['view-bills'], granted: ['view-bills'] },
    });
  });

  it('R-MM-08: the member may refuse requested permissions (granted ⊂ requested)', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { permissions: ['view-bills', 'manage-budgets'], grant: ['manage-budgets'] });
    expect(await loadMember(master.accountId, member.accountId)).toMatchObject({
      requestedPermissions: ['view-bills', 'manage-budgets'],
      permissions: ['manage-budgets'],
      createdByMaster: false,
    });
  });

  it('R-MM-06: after acceptance the facts name the association: the member (unified) and the master (with an independent member)', async () => {
    const master = await enabledMaster();
    const { member: unified } = await acceptedMember(master, { accountingMode: 'unified' });
    let m = await loadFacts(unified.accountId);
    expect(m.associations).toMatchObject({
      enterpriseAssociated: true,
      enterpriseMember: true,
      enterpriseUnifiedMember: true,
      enterpriseMaster: false,
    });
    expect(m.masterAccountId).toBe(master.accountId);
    let f = await loadFacts(master.accountId);
    expect(f.associations).toMatchObject({ enterpriseAssociated: true, enterpriseMaster: true, masterWithIndependentMembers: false });
    expect(f.memberCounts).toEqual({ enterpriseMembers: 1, unifiedMembers: 1, independentMembers: 0 });
    const { member: independent } = await acceptedMember(master, { accountingMode: 'independent' });
    m = await loadFacts(independent.accountId);
    expect(m.associations).toMatchObject({ enterpriseAssociated: true, enterpriseMember: true, enterpriseUnifiedMember: false });
    f = await loadFacts(master.accountId);
    expect(f.associations.masterWithIndependentMembers).toBe(true);
    expect(f.memberCounts).toEqual({ enterpriseMembers: 2, unifiedMembers: 1, independentMembers: 1 });
    expect(await loadMemberOf(independent.accountId)).toMatchObject({ masterAccountId: master.accountId, accountingMode: 'independent' });
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
    expect(await events(memberView(independent.accountId))).toEqual(['invitation-created', 'invitation-accepted', 'associated']);
    expect((await listRecordedMessages(master.email, 10)).filter((x) => x.kind === 'enterprise-invitation-result')).toHaveLength(2);
  });

  it('R-MM-07: only the invited account decides (another account, the master: 404); only the master cancels (the invitee, no master: 403; another master: 404)', async () => {
    const master = await enabledMaster();
    const other = await enabledMaster();
    const account = await activeAccount();
    const { invitationId } = (await invite(master, account)).body;
    expect((await decide(await activeAccount(), invitationId)).status).toBe(404);
    expect((await decide(master, invitationId)).status).toBe(404);
    expect((await cancelInvitation(other, invitationId)).status).toBe(404);
    // The invitee is no master: refused like on every master route.
    expect((await cancelInvitation(account, invitationId)).status).toBe(403);
    const invitee = await enabledMaster({ account: await activeAccount() });
    const second = (await invite(master, await activeAccount())).body.invitationId;
    expect((await cancelInvitation(invitee, second)).status).toBe(404);
    expect((await loadHandshake(invitationId))!.state).toBe('pending');
  });

  it('R-MM-07: rejecting ends the invitation (no association, the slot back, the master told); a decided invitation cannot be canceled (422 not-pending)', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const { invitationId } = (await invite(master, account)).body;
    expect((await decide(account, invitationId, { accept: false })).body).toEqual({ status: 'rejected' });
    expect(await loadMemberOf(account.accountId)).toBeUndefined();
    expect((await loadFacts(account.accountId)).associations.enterpriseMember).toBe(false);
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
    const cancel = await cancelInvitation(master, invitationId);
    expect(cancel.status).toBe(422);
    expect(conditions(cancel.body)).toEqual(['not-pending']);
    expect(await events(masterView(master.accountId))).toEqual(['enterprise-center-enabled', 'invitation-created', 'invitation-rejected']);
    // Rejected: the account may be invited again.
    expect((await invite(master, account)).status).toBe(201);
  });

  it('R-MM-07: the scheduler expires an invitation at 15 days (not before): slot back, invitation-expired on both views, the master told; it can no longer be accepted', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const { invitationId } = (await invite(master, account)).body;
    setClockOffset(clockOffset() + 15 * DAY - 60_000);
    await runScheduler();
    expect((await loadHandshake(invitationId))!.state).toBe('pending');
    setClockOffset(clockOffset() + 120_000);
    await runScheduler();
    expect((await loadHandshake(invitationId))!).toMatchObject({ state: 'expired', decidedBy: { role: 'system', id: 'scheduler' } });
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
    expect(await events(memberView(account.accountId))).toEqual(['invitation-created', 'invitation-expired']);
    expect((await listRecordedMessages(master.email, 5)).map((m) => m.kind)).toContain('enterprise-invitation-result');
    await freshToken(account);
    await freshToken(master);
    const late = await decide(account, invitationId);
    expect(late.status).toBe(422);
    expect(conditions(late.body)).toEqual(['not-pending']);
    expect(await loadMemberOf(account.accountId)).toBeUndefined();
    // The open claim is released: a new invitation is possible; a second run does nothing twice.
    expect((await invite(master, account)).status).toBe(201);
    await runScheduler();
    expect((await events(memberView(account.accountId))).filter((e) => e === 'invitation-expired')).toHaveLength(1);
  });

  it('R-MM-07: a lapsed invitation the scheduler has not reached cannot be accepted (422 expired), and does not block a new invitation', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const { invitationId } = (await invite(master, account)).body;
    setClockOffset(clockOffset() + 15 * DAY + 60_000);
    await freshToken(account);
    await freshToken(master);
    const late = await decide(account, invitationId);
    expect(late.status).toBe(422);
    expect(conditions(late.body)).toEqual(['expired']);
    const again = await invite(master, account);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((await loadHandshake(invitationId))!.state).toBe('expired');
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(1);
  });
});

describe('R-MM-07: races and retries on DynamoDB Local (issue 12)', () => {
  it('R-MM-07: two masters inviting one account at once → exactly one invitation is open; the other is refused invitation-pending', async () => {
    const [a, b] = [await enabledMaster(), await enabledMaster()];
    const account = await activeAccount();
    const answers = await Promise.all([invite(a, account), invite(b, account)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(conditions(answers.find((r) => r.status === 422)!.body)).toEqual(['invitation-pending']);
    const open = [(await loadProfile(a.accountId))!.openInvitations, (await loadProfile(b.accountId))!.openInvitations];
    expect(open.sort()).toEqual([0, 1]);
  });

  it('R-MM-07: the member accepts while the master cancels → exactly one wins, and the state matches the winner', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const { invitationId } = (await invite(master, account)).body;
    const [accepted, canceled] = await Promise.all([decide(account, invitationId), cancelInvitation(master, invitationId)]);
    expect([accepted.status, canceled.status].filter((s) => s === 200)).toHaveLength(1);
    const state = (await loadHandshake(invitationId))!.state;
    expect(state).toBe(accepted.status === 200 ? 'accepted' : 'canceled');
    expect(Boolean(await loadMemberOf(account.accountId))).toBe(state === 'accepted');
    expect((await loadFacts(account.accountId)).associations.enterpriseMember).toBe(state === 'accepted');
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
  });

  it('R-SEC-04: an invitation repeated with the same Idempotency-Key answers the first one and opens nothing more', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const first = await invite(master, account, { idempotencyKey: 'invite-once-1' });
    const again = await invite(master, account, { idempotencyKey: 'invite-once-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(1);
  });
});
