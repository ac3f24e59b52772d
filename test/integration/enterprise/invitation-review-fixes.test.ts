/**
 * Issue 12 review fixes (security and conformance reviews of the enterprise invitations) over the real handlers on
 * DynamoDB Local: the master's answer judges only the master's own conditions (no facts about an arbitrary account),
 * the invitee conditions are judged when the invitee accepts (named to it), a suspended invitee cannot associate,
 * stale invitations (lapsed, or of an account no longer open) hold no slot and no claim, the member cap, the 400 index
 * as sent, and the invitee told when its invitation ends. This file moves the test clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { enterpriseConfig } from '../../../lib/core/config.js';
import { newId } from '../../../lib/core/crypto.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { loadMemberOf, loadProfile } from '../../../lib/enterprise/store.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { activeAccount, closeAccount, putStanding } from '../../support/closure.js';
import { freshToken } from '../../support/disassociation.js';
import { acceptedMember, cancelInvitation, decide, enabledMaster, invite } from '../../support/enterprise.js';
import { createMember } from '../../support/enterprise-disassociation.js';
import { masterAccount } from '../../support/enterprise-views.js';
import { uniqueEmail } from '../../support/identity.js';
import { associatedCustomer, enrolledPartner } from '../../support/partners.js';

const DAY = 86_400_000;
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);
type Limits = { maxOpenInvitations: number; maxMembers: number };
const before: Limits = { maxOpenInvitations: enterpriseConfig.maxOpenInvitations, maxMembers: enterpriseConfig.maxMembers };
const setLimits = (l: Partial<Limits>) => Object.assign(enterpriseConfig as Limits, l);
afterEach(() => {
  setClockOffset(0);
  setLimits(before);
});

describe('R-MM-01/R-MM-04: the master learns nothing about an arbitrary account at invitation (issue 12 review, fix item 1)', () => {
  it('R-MM-04: a partner customer, another master and another master’s member are invited (201); the invitee conditions are named to the invitee when it accepts', async () => {
    const master = await enabledMaster();
    const { customer } = await associatedCustomer(await enrolledPartner(), { model: 'referral' });
    const otherMaster = await enabledMaster();
    const { member } = await acceptedMember(await enabledMaster());
    const cases: Array<[{ accountId: string; token: string }, string]> = [
      [customer, 'partner-associated'],
      [otherMaster, 'invitee-is-master'],
      [member, 'already-member'],
    ];
    for (const [invitee, condition] of cases) {
      const res = await invite(master, invitee);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const accepted = await decide(invitee, res.body.invitationId as string);
      expect(accepted.status).toBe(422);
      expect(conditions(accepted.body)).toEqual([condition]);
      // The invitee may still reject it; nothing was associated.
      expect((await decide(invitee, res.body.invitationId as string, { accept: false })).status).toBe(200);
    }
    expect(await loadMemberOf(customer.accountId)).toBeUndefined();
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
  });

  it('R-MM-01: unknown account IDs stay 404 (opaque random IDs); inviting itself stays refused (self)', async () => {
    const master = await enabledMaster();
    expect((await invite(master, `ac_${newId().slice(-20)}`)).status).toBe(404);
    expect(conditions((await invite(master, master)).body)).toEqual(['self']);
  });
});

describe('R-MM-03/R-MM-04: suspensions at invitation (issue 12 review, fix items 2 and 3)', () => {
  it('R-MM-04: a suspended master is refused (master-suspended) before any look-up of the invitee — an unknown ID and a partner customer answer alike', async () => {
    const master = await enabledMaster();
    await putStanding(master.accountId, { suspended: true });
    const unknown = await invite(master, `ac_${newId().slice(-20)}`);
    expect(unknown.status).toBe(422);
    expect(conditions(unknown.body)).toEqual(['master-suspended']);
    const { customer } = await associatedCustomer(await enrolledPartner());
    expect(conditions((await invite(master, customer)).body)).toEqual(['master-suspended']);
  });

  it('R-MM-03: a suspended account is invited but cannot accept (invitee-suspended): the master never inherits a member it cannot disassociate', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    await putStanding(account.accountId, { suspended: true });
    const res = await invite(master, account);
    expect(res.status).toBe(201);
    const accepted = await decide(account, res.body.invitationId as string);
    expect(accepted.status).toBe(422);
    expect(conditions(accepted.body)).toEqual(['invitee-suspended']);
    expect(await loadMemberOf(account.accountId)).toBeUndefined();
    // Lifted: the same invitation can be accepted.
    await putStanding(account.accountId, { suspended: false });
    expect((await decide(account, res.body.invitationId as string)).status).toBe(200);
  });
});

describe('R-MM-07: stale invitations hold no slot and no claim (issue 12 review, fix item 4)', () => {
  it('R-MM-07: at the cap, a lapsed invitation the scheduler has not reached is expired and the new one is created; the slot is given back once', async () => {
    setLimits({ maxOpenInvitations: 1 });
    const master = await enabledMaster();
    const [first, second] = [await activeAccount(), await activeAccount()];
    const lapsed = await invite(master, first);
    expect(lapsed.status).toBe(201);
    setClockOffset(16 * DAY);
    await freshToken(master);
    const res = await invite(master, second);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await loadHandshake(lapsed.body.invitationId as string))!.state).toBe('expired');
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(1);
  });

  it('R-MM-07: at the cap, an invitation of an account closed meanwhile is canceled by the system and the new one is created', async () => {
    setLimits({ maxOpenInvitations: 1 });
    const master = await enabledMaster();
    const [gone, next] = [await activeAccount(), await activeAccount()];
    const stale = await invite(master, gone);
    expect(stale.status).toBe(201);
    await closeAccount(gone);
    const res = await invite(master, next);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await loadHandshake(stale.body.invitationId as string))!).toMatchObject({ state: 'canceled', decidedBy: { role: 'system' } });
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(1);
  });

  it('R-MM-07: the open invitation of a master that closed its account holds no claim: the invitee no longer sees it and another master may invite it', async () => {
    const master = await enabledMaster();
    const invitee = await activeAccount();
    const invited = await invite(master, invitee);
    expect(invited.status).toBe(201);
    await closeAccount(master);
    const view = await masterAccount(invitee);
    expect(view.status).toBe(200);
    expect(view.body.invitations).toEqual([]);
    const second = await invite(await enabledMaster(), invitee);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect((await loadHandshake(invited.body.invitationId as string))!).toMatchObject({ state: 'canceled', decidedBy: { role: 'system' } });
  });

  it('R-MM-07: the open-invitation counter stays exact over racing accept/reject/cancel (each end gives the slot back once)', async () => {
    const master = await enabledMaster();
    const [a, b, c, d] = [await activeAccount(), await activeAccount(), await activeAccount(), await activeAccount()];
    const ia = (await invite(master, a)).body.invitationId as string;
    const ib = (await invite(master, b)).body.invitationId as string;
    const ic = (await invite(master, c)).body.invitationId as string;
    expect((await invite(master, d)).status).toBe(201);
    await Promise.all([
      decide(a, ia),
      cancelInvitation(master, ia),
      decide(b, ib, { accept: false }),
      decide(b, ib, { accept: false }),
      cancelInvitation(master, ic),
      cancelInvitation(master, ic),
    ]);
    expect((await loadProfile(master.accountId))?.openInvitations).toBe(1);
  });

  it('R-MM-07: the master cancelling a lapsed invitation expires it (200 expired) and gets its slot back', async () => {
    setLimits({ maxOpenInvitations: 1 });
    const master = await enabledMaster();
    const inv = await invite(master, await activeAccount());
    setClockOffset(16 * DAY);
    await freshToken(master);
    const res = await cancelInvitation(master, inv.body.invitationId as string);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('expired');
    expect((await loadHandshake(inv.body.invitationId as string))!.state).toBe('expired');
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
  });
});

describe('R-MM-08 and the member cap (issue 12 review, fix items 5 and 6)', () => {
  it('R-MM-08: the 400 names the grantPermissions index as sent (duplicates included)', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const inv = await invite(master, account, { permissions: ['view-bills'] });
    const res = await decide(account, inv.body.invitationId as string, {
      accept: true,
      acceptAgreement: true,
      grantPermissions: ['view-bills', 'view-bills', 'issue-invoices'],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('grantPermissions.2');
  });

  it('R-MM-06 (issue 12 maxMembers): an acceptance over enterpriseConfig.maxMembers is refused (422 QUOTA_EXCEEDED member-cap); nothing associated', async () => {
    setLimits({ maxMembers: 1 });
    const master = await enabledMaster();
    await acceptedMember(master);
    const account = await activeAccount();
    const inv = await invite(master, account);
    expect(inv.status).toBe(201);
    const res = await decide(account, inv.body.invitationId as string);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('QUOTA_EXCEEDED');
    expect(conditions(res.body)).toEqual(['member-cap']);
    expect(await loadMemberOf(account.accountId)).toBeUndefined();
  });
});

describe('R-MM-06: the member cap also holds for created members (issue 12 review, fix item 6)', () => {
  it('R-MM-06 (issue 12 maxMembers): creating a member account over enterpriseConfig.maxMembers is refused (422 QUOTA_EXCEEDED member-cap); no account is created', async () => {
    setLimits({ maxMembers: 1 });
    const master = await enabledMaster();
    expect((await createMember(master)).res.status).toBe(201);
    const email = uniqueEmail('over-cap');
    const { res } = await createMember(master, { email });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('QUOTA_EXCEEDED');
    expect(conditions(res.body)).toEqual(['member-cap']);
    expect((await loadFacts(master.accountId)).memberCounts?.enterpriseMembers).toBe(1);
  });
});

describe('R-MM-07: the invited account is told when its invitation ends (issue 12 review, fix item 7)', () => {
  it('R-MM-07: the master cancels → the invitee is told', async () => {
    const master = await enabledMaster();
    const invitee = await activeAccount();
    const invited = await invite(master, invitee);
    const beforeCount = (await listRecordedMessages(invitee.email)).length;
    const canceled = await cancelInvitation(master, invited.body.invitationId as string);
    expect(canceled.body.status).toBe('canceled');
    const after = await listRecordedMessages(invitee.email);
    expect(after.length).toBe(beforeCount + 1);
    expect(after.map((m) => m.kind)).toContain('enterprise-invitation-ended');
  });

  it('R-MM-07: it lapses → both the invitee and the master are told', async () => {
    const master = await enabledMaster();
    const invitee = await activeAccount();
    const invited = await invite(master, invitee);
    setClockOffset(16 * DAY);
    await freshToken(master);
    expect((await cancelInvitation(master, invited.body.invitationId as string)).body.status).toBe('expired');
    expect((await listRecordedMessages(invitee.email)).map((m) => m.kind)).toContain('enterprise-invitation-ended');
    expect((await listRecordedMessages(master.email)).map((m) => m.kind)).toContain('enterprise-invitation-result');
  });
});
