/**
 * Issue 12 routes 4, 5 and 12: the member's My Master Account view (R-MM-04 impacts shown before accepting and
 * suspension read at request time, R-MM-06/08 mode and permissions, R-MM-02 pending disassociation requests), the
 * master's sent invitations and its members, over the real handlers on DynamoDB Local. This file moves the test
 * clock (its table is its own).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { MEMBER_IMPACTS } from '../../../lib/enterprise/kinds.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { freshToken } from '../../support/disassociation.js';
import { acceptedMember, cancelInvitation, decide, enabledMaster, invite } from '../../support/enterprise.js';
import {
  endAssociation,
  enterpriseInvitations,
  enterpriseMembers,
  masterAccount,
  pendingDisassociation,
} from '../../support/enterprise-views.js';

const DAY = 86_400_000;
afterEach(() => setClockOffset(0));

describe('getMasterAccount: My Master Account (issue 12 route 5)', () => {
  it('R-MM-04: an invited account sees the pending invitation with the impacts of association before accepting', async () => {
    const master = await enabledMaster();
    const account = await activeAccount();
    const invited = await invite(master, account, { accountingMode: 'independent', permissions: ['view-bills', 'manage-budgets'] });
    expect(invited.status).toBe(201);
    const res = await masterAccount(account);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      invitations: [
        {
          invitationId: invited.body.invitationId,
          masterAccountId: master.accountId,
          enterpriseName: master.enterpriseName,
          accountingMode: 'independent',
          permissions: ['view-bills', 'manage-budgets'],
          createdAt: expect.any(String),
          expiresAt: invited.body.expiresAt,
          impacts: [...MEMBER_IMPACTS],
        },
      ],
      disassociationRequests: [],
    });
    expect(res.body.invitations[0].impacts).toHaveLength(5);
    // The master's own view shows nothing of the invitation it sent.
    expect((await masterAccount(master)).body).toEqual({ invitations: [], disassociationRequests: [] });
  });

  it('R-MM-07: a canceled, decided or lapsed invitation is no longer shown', async () => {
    const master = await enabledMaster();
    const [a, b, c] = [await activeAccount(), await activeAccount(), await activeAccount()];
    const ia = await invite(master, a);
    const ib = await invite(master, b);
    await invite(master, c);
    expect((await cancelInvitation(master, ia.body.invitationId)).status).toBe(200);
    expect((await decide(b, ib.body.invitationId, { accept: false })).status).toBe(200);
    expect((await masterAccount(a)).body.invitations).toEqual([]);
    expect((await masterAccount(b)).body.invitations).toEqual([]);
    expect((await masterAccount(c)).body.invitations).toHaveLength(1);
    setClockOffset(clockOffset() + 15 * DAY + 60_000);
    await freshToken(c);
    expect((await masterAccount(c)).body.invitations).toEqual([]);
  });

  it('R-MM-06/R-MM-08: a member sees its master, accounting mode, associatedAt and the permissions requested and granted', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, {
      accountingMode: 'unified',
      permissions: ['view-bills', 'issue-invoices'],
      grant: ['view-bills'],
    });
    const res = await masterAccount(member);
    expect(res.body).toEqual({
      master: {
        masterAccountId: master.accountId,
        enterpriseName: master.enterpriseName,
        accountingMode: 'unified',
        associatedAt: expect.any(String),
      },
      permissions: { requested: ['view-bills', 'issue-invoices'], granted: ['view-bills'] },
      invitations: [],
      disassociationRequests: [],
    });
  });

  it('R-MM-04: a member is suspended whenever its master is, seen on its very next request (read time, nothing propagated)', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    expect((await masterAccount(member)).body.suspended).toBeUndefined();
    await putStanding(master.accountId, { suspended: true });
    expect((await masterAccount(member)).body.suspended).toEqual({ reason: 'master-suspended' });
    await putStanding(master.accountId, { suspended: false });
    expect((await masterAccount(member)).body.suspended).toBeUndefined();
    // Its own suspension comes first.
    await putStanding(member.accountId, { suspended: true });
    await putStanding(master.accountId, { suspended: true });
    expect((await masterAccount(member)).body.suspended).toEqual({ reason: 'suspended' });
  });

  it('R-MM-05: a created member disassociated before binding a payment method is shown suspended (payment-method-required)', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    await endAssociation(master.accountId, member.accountId, { awaitingPaymentMethod: true });
    const res = await masterAccount(member);
    expect(res.body.master).toBeUndefined();
    expect(res.body.suspended).toEqual({ reason: 'payment-method-required' });
  });

  it('R-MM-02: the member sees the pending disassociation request addressed to it; the master and others do not', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    const requestId = await pendingDisassociation(master.accountId, member.accountId);
    const res = await masterAccount(member);
    expect(res.body.disassociationRequests).toEqual([
      { requestId, masterAccountId: master.accountId, status: 'pending', createdAt: expect.any(String), expiresAt: expect.any(String) },
    ]);
    expect((await masterAccount(master)).body.disassociationRequests).toEqual([]);
    setClockOffset(clockOffset() + 15 * DAY + 60_000);
    await freshToken(member);
    expect((await masterAccount(member)).body.disassociationRequests).toEqual([]);
  });
});

describe('listEnterpriseInvitations: the master’s sent invitations (issue 12 route 4)', () => {
  it('R-MM-07: newest first with their status, paginated; only the master’s own; a non-master is refused (403)', async () => {
    const master = await enabledMaster();
    const other = await enabledMaster();
    const [a, b, c] = [await activeAccount(), await activeAccount(), await activeAccount()];
    const ia = await invite(master, a, { permissions: ['view-bills'] });
    const ib = await invite(master, b, { accountingMode: 'independent' });
    const ic = await invite(master, c);
    await cancelInvitation(master, ia.body.invitationId);
    await decide(b, ib.body.invitationId);
    await invite(other, await activeAccount());
    const all = await enterpriseInvitations(master);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.items.map((i: { invitationId: string; status: string }) => [i.invitationId, i.status])).toEqual([
      [ic.body.invitationId, 'pending'],
      [ib.body.invitationId, 'accepted'],
      [ia.body.invitationId, 'canceled'],
    ]);
    expect(all.body.items[2]).toMatchObject({
      memberAccountId: a.accountId,
      accountingMode: 'unified',
      permissions: ['view-bills'],
      decidedAt: expect.any(String),
    });
    expect(all.body.items[0].decidedAt).toBeUndefined();
    const first = await enterpriseInvitations(master, { limit: '2' });
    expect(first.body.items).toHaveLength(2);
    const rest = await enterpriseInvitations(master, { limit: '2', cursor: first.body.nextCursor });
    expect(rest.body.items.map((i: { invitationId: string }) => i.invitationId)).toEqual([ia.body.invitationId]);
    // Another master's cursor is not a way into this list.
    expect([400, 404]).toContain((await enterpriseInvitations(other, { cursor: first.body.nextCursor })).status);
    expect((await enterpriseInvitations(a)).status).toBe(403);
    setClockOffset(clockOffset() + 15 * DAY + 60_000);
    await freshToken(master);
    expect((await enterpriseInvitations(master)).body.items[0].status).toBe('expired');
  });
});

describe('listEnterpriseMembers: the master’s members (issue 12 route 12)', () => {
  it('R-MM-06/R-MM-08: each member with mode, permissions and its pending disassociation; paginated; only this master’s', async () => {
    const master = await enabledMaster();
    const other = await enabledMaster();
    const { member: m1 } = await acceptedMember(master, { accountingMode: 'unified', permissions: ['view-bills'] });
    const { member: m2 } = await acceptedMember(master, { accountingMode: 'independent' });
    const { member: foreign } = await acceptedMember(other);
    const requestId = await pendingDisassociation(master.accountId, m2.accountId);
    const res = await enterpriseMembers(master);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byId = new Map(res.body.items.map((i: { memberAccountId: string }) => [i.memberAccountId, i]));
    expect([...byId.keys()].sort()).toEqual([m1.accountId, m2.accountId].sort());
    expect(byId.get(m1.accountId)).toEqual({
      memberAccountId: m1.accountId,
      accountingMode: 'unified',
      permissions: ['view-bills'],
      requestedPermissions: ['view-bills'],
      associatedAt: expect.any(String),
      createdByMaster: false,
    });
    expect(byId.get(m2.accountId)).toMatchObject({
      accountingMode: 'independent',
      pendingDisassociation: { requestId, createdAt: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toContain(foreign.accountId);
    const first = await enterpriseMembers(master, { limit: '1' });
    expect(first.body.items).toHaveLength(1);
    const second = await enterpriseMembers(master, { limit: '1', cursor: first.body.nextCursor });
    expect([...first.body.items, ...second.body.items].map((i: { memberAccountId: string }) => i.memberAccountId).sort()).toEqual(
      [m1.accountId, m2.accountId].sort(),
    );
    await endAssociation(master.accountId, m1.accountId);
    expect((await enterpriseMembers(master)).body.items.map((i: { memberAccountId: string }) => i.memberAccountId)).toEqual([m2.accountId]);
  });

  it('R-MM-01: a non-master is refused (403 "Enable Enterprise Center first")', async () => {
    const account = await activeAccount();
    const res = await enterpriseMembers(account);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});
