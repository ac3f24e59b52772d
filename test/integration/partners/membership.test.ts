/**
 * Issue 11 review finding 3 (R-PD-04, R-RN-05): joining a partner's staff takes the account's consent. The
 * administrator's `POST /v1/partner-center/members` only invites (a `partner-membership` handshake); the account sees
 * its invitations (`GET /v1/partner-memberships`) and accepts or rejects one; only acceptance makes it staff and sets
 * `partnerProgram` (which blocks individual real-name authentication, R-RN-05). The administrator cancels an
 * invitation or removes an account manager (`DELETE /v1/partner-center/members/{accountId}`).
 * Expiry through the scheduler: ./membership-timers.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { handler as assignManager } from '../../../functions/partners/assignAccountManager.js';
import { handler as associateHandler } from '../../../functions/partners/associatePartner.js';
import { handler as listMemberships } from '../../../functions/partners/listPartnerMemberships.js';
import { handler as removeMember } from '../../../functions/partners/removePartnerMember.js';
import { findAccount } from '../../../lib/accounts/store.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { nowIso } from '../../../lib/core/clock.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { listMembers, loadStaffRole } from '../../../lib/partners/store.js';
import { activeAccount } from '../../support/closure.js';
import { partnerRequest, readyCustomer, ticket, traces, uniqueTicket } from '../../support/disassociation.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import {
  type TestAccount,
  type TestPartner,
  accountManager,
  associatedCustomer,
  decideMembership,
  enrolledPartner,
  inviteMember,
  partnerInvitation,
} from '../../support/partners.js';

const list = (account: { token: string }) =>
  invoke(listMemberships, { method: 'GET', path: '/v1/partner-memberships', headers: bearer(account.token) });
const remove = (staff: { token: string }, accountId: string) =>
  invoke(removeMember, {
    method: 'DELETE',
    path: `/v1/partner-center/members/${accountId}`,
    pathParameters: { accountId },
    headers: bearer(staff.token),
  });
const assign = (partner: TestPartner, customerId: string, accountId: string) =>
  invoke(assignManager, {
    method: 'PUT',
    path: `/v1/partner-center/customers/${customerId}/account-manager`,
    pathParameters: { customerId },
    headers: bearer(partner.admin.token),
    body: { accountId },
  });
const events = async (partnerId: string) => (await listLog(partnerId, { limit: 100 })).items.map((e) => e.event);
const traceNames = async (accountId: string) => (await traces(accountId)).map((t) => t.traceName as string);

/** Nothing of a membership: no staff claim, no partner program, not in the partner's staff list. */
async function expectNotStaff(partner: TestPartner, account: TestAccount) {
  expect(await loadStaffRole(account.accountId)).toBeUndefined();
  expect((await loadFacts(account.accountId)).associations.partnerProgram).toBe(false);
  expect((await listMembers(partner.partnerId)).map((m) => m.accountId)).not.toContain(account.accountId);
}

/** The email a partner's administrator sends to consent to a disassociation by ticket (R-PD-09). */
async function consentEmail(partner: TestPartner, customerId: string) {
  const admin = (await findAccount(partner.admin.accountId))!;
  const customer = (await findAccount(customerId))!;
  return {
    from: admin.email,
    to: customer.email,
    subject: `Approving HUAWEI CLOUD account ${customer.tenantName} to disassociate from partner account ${admin.tenantName}`,
    body: `HUAWEI CLOUD partner (account name: ${admin.tenantName}) agrees to cancel the association with the customer (account name: ${customer.tenantName}). We hereby authorize HUAWEI CLOUD to cancel the association with the customer (account name: ${customer.tenantName}).`,
    // Received now (test clock): after the association began (R-PD-09).
    receivedAt: nowIso(),
  };
}

describe('partner membership takes the account’s consent (issue 11 review finding 3, R-PD-04, R-RN-05)', () => {
  it('R-RN-05 / R-PD-04: the administrator naming a former customer (its ID stays in the records) only invites it: pending, not staff, not partnerProgram, not locked', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const ended = await ticket({
      customerId: customer.accountId,
      ticketId: uniqueTicket(),
      consentEmail: await consentEmail(partner, customer.accountId),
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const invited = await inviteMember(partner, customer.accountId);
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toEqual({
      partnerId: partner.partnerId,
      accountId: customer.accountId,
      role: 'account-manager',
      status: 'pending',
      requestId: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect((await loadFacts(customer.accountId)).associations.partnerProgram).toBe(false);
    await expectNotStaff(partner, customer);
    // Not locked: another partner may invite it too, and it may join that one instead.
    const other = await enrolledPartner();
    await accountManager(other, customer);
    expect(await loadStaffRole(customer.accountId)).toEqual({ partnerId: other.partnerId, role: 'account-manager' });
    // The first partner's invitation can then no longer be accepted (one organisation per account).
    expect((await decideMembership(customer, invited.body.requestId, true)).status).toBe(409);
  });

  it('R-PD-04 / R-RN-05: invite → pending (listed for the account, nothing else changes); accept → staff, partnerProgram, member row, joinPartner audit, logged', async () => {
    const partner = await enrolledPartner();
    const account = await activeAccount();
    const invited = await inviteMember(partner, account.accountId);
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const { requestId, expiresAt } = invited.body;
    await expectNotStaff(partner, account);
    expect(await traceNames(account.accountId)).not.toContain('joinPartner');

    const mine = await list(account);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      items: [{ requestId, partnerId: partner.partnerId, partnerName: partner.name, role: 'account-manager', expiresAt }],
    });
    // One open invitation per partner–account pair.
    expect((await inviteMember(partner, account.accountId)).status).toBe(409);

    const accepted = await decideMembership(account, requestId, true);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toEqual({ status: 'accepted' });
    expect(await loadStaffRole(account.accountId)).toEqual({ partnerId: partner.partnerId, role: 'account-manager' });
    expect((await loadFacts(account.accountId)).associations.partnerProgram).toBe(true);
    expect((await listMembers(partner.partnerId)).map((m) => m.accountId)).toContain(account.accountId);
    expect((await list(account)).body.items).toEqual([]);
    expect((await loadHandshake(requestId))!.state).toBe('accepted');
    const joined = (await traces(account.accountId)).find((t) => t.traceName === 'joinPartner');
    expect(joined).toMatchObject({ actor: account.accountId, result: 'success' });
    expect(await events(partner.partnerId)).toEqual(expect.arrayContaining(['member-invited', 'member-joined']));
    // Decided once: again is a conflict.
    expect((await decideMembership(account, requestId, false)).status).toBe(409);
  });

  it('R-PD-04: reject → nothing changes; member-declined is logged; the partner may invite again', async () => {
    const partner = await enrolledPartner();
    const account = await activeAccount();
    const { requestId } = (await inviteMember(partner, account.accountId)).body;
    const rejected = await decideMembership(account, requestId, false);
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toEqual({ status: 'rejected' });
    await expectNotStaff(partner, account);
    expect((await list(account)).body.items).toEqual([]);
    expect(await events(partner.partnerId)).toContain('member-declined');
    expect(await traceNames(account.accountId)).not.toContain('joinPartner');
    expect((await inviteMember(partner, account.accountId)).status).toBe(201);
  });

  it('issue 11 review finding 3: staff of another partner cannot be told apart at invite time (same 201 pending); acceptance fails for the account itself (409)', async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const manager2 = await accountManager(p2);
    const free = await activeAccount();
    const answers = [
      await inviteMember(p1, free.accountId),
      await inviteMember(p1, manager2.accountId),
      await inviteMember(p1, p2.admin.accountId),
    ];
    const shape = (res: { status: number; body: Record<string, unknown> }) => ({
      http: res.status,
      keys: Object.keys(res.body).sort(),
      status: res.body.status,
      role: res.body.role,
      partnerId: res.body.partnerId,
    });
    expect(answers.map(shape)).toEqual([shape(answers[0]!), shape(answers[0]!), shape(answers[0]!)]);
    expect(answers[0]!.status).toBe(201);
    const refused = await decideMembership(manager2, answers[1]!.body.requestId as string, true);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('STATE_CONFLICT');
    expect(await loadStaffRole(manager2.accountId)).toEqual({ partnerId: p2.partnerId, role: 'account-manager' });
    // It stays pending: the account may still reject it.
    expect((await decideMembership(manager2, answers[1]!.body.requestId as string, false)).status).toBe(200);
  });

  it('R-PD-04: the partner’s own customer is refused at once (422 partner-customer); one that became its customer after the invitation cannot accept it (422 partner-customer)', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    const own = await inviteMember(partner, customer.accountId);
    expect(own.status).toBe(422);
    expect(own.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['partner-customer']);

    const invitee = await activeAccount();
    const { requestId } = (await inviteMember(partner, invitee.accountId)).body;
    const { token } = await partnerInvitation(partner);
    const associated = await invoke(associateHandler, {
      method: 'POST',
      path: '/v1/partner/association',
      headers: bearer(invitee.token),
      body: { invitationToken: token, acceptInstructions: true },
    });
    expect(associated.status, JSON.stringify(associated.body)).toBe(201);
    const refused = await decideMembership(invitee, requestId, true);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['partner-customer']);
    await expectNotStaff(partner, invitee);
    expect((await loadHandshake(requestId))!.state).toBe('pending');
  });

  it('BOLA (R-PD-04): another account neither sees nor decides the invitation (404), nor does the partner’s administrator as an account; an unknown ID or another kind of request: 404', async () => {
    const partner = await enrolledPartner();
    const [account, stranger] = [await activeAccount(), await activeAccount()];
    const { requestId } = (await inviteMember(partner, account.accountId)).body;
    expect((await list(stranger)).body).toEqual({ items: [] });
    expect((await list(partner.admin)).body).toEqual({ items: [] });
    for (const caller of [stranger, partner.admin]) {
      for (const accept of [true, false]) {
        const res = await decideMembership(caller, requestId, accept);
        expect(res.status, JSON.stringify(res.body)).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
    }
    expect((await decideMembership(account, 'pm_unknown', true)).status).toBe(404);
    const customer = await readyCustomer(partner);
    const disassociation = await partnerRequest(partner.admin, customer.accountId);
    expect(disassociation.status, JSON.stringify(disassociation.body)).toBe(201);
    expect((await decideMembership(customer, disassociation.body.requestId, true)).status).toBe(404);
    expect((await loadHandshake(requestId))!.state).toBe('pending');
    await expectNotStaff(partner, account);
  });
});

describe('removing an account manager, cancelling an invitation (issue 11 review finding 3, R-PD-04, R-RN-05)', () => {
  it('R-PD-04: the administrator cancels a pending invitation: the account no longer sees it and cannot accept it (409)', async () => {
    const partner = await enrolledPartner();
    const account = await activeAccount();
    const { requestId } = (await inviteMember(partner, account.accountId)).body;
    const canceled = await remove(partner.admin, account.accountId);
    expect(canceled.status, JSON.stringify(canceled.body)).toBe(200);
    expect(canceled.body).toEqual({ accountId: account.accountId, status: 'canceled' });
    expect((await list(account)).body.items).toEqual([]);
    expect((await decideMembership(account, requestId, true)).status).toBe(409);
    await expectNotStaff(partner, account);
    expect(await events(partner.partnerId)).toContain('member-invitation-canceled');
  });

  it('R-RN-05 / R-PD-04: removing an account manager releases it: no claim, no member row, partnerProgram false, leavePartner audited; it may join another partner', async () => {
    const partner = await enrolledPartner();
    const manager = await accountManager(partner);
    const removed = await remove(partner.admin, manager.accountId);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toEqual({ accountId: manager.accountId, status: 'removed' });
    await expectNotStaff(partner, manager);
    const left = (await traces(manager.accountId)).find((t) => t.traceName === 'leavePartner');
    expect(left).toMatchObject({ actor: `partner:${partner.partnerId}:${partner.admin.accountId}`, result: 'success' });
    expect(await events(partner.partnerId)).toContain('member-removed');
    // Gone: removing again is not found; it may now join another partner.
    expect((await remove(partner.admin, manager.accountId)).status).toBe(404);
    await accountManager(await enrolledPartner(), manager);
  });

  it('R-PD-04: refused — the administrator itself (422 administrator), a manager with assigned customers (422 assigned-customers, until they are assigned elsewhere), by an account manager (403), someone not this partner’s (404)', async () => {
    const partner = await enrolledPartner();
    const [manager, second] = [await accountManager(partner), await accountManager(partner)];
    const { customer } = await associatedCustomer(partner);
    expect((await assign(partner, customer.accountId, manager.accountId)).status).toBe(200);

    const admin = await remove(partner.admin, partner.admin.accountId);
    expect(admin.status).toBe(422);
    expect(admin.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['administrator']);
    const assigned = await remove(partner.admin, manager.accountId);
    expect(assigned.status).toBe(422);
    expect(assigned.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['assigned-customers']);
    expect(await loadStaffRole(manager.accountId)).toEqual({ partnerId: partner.partnerId, role: 'account-manager' });
    expect((await remove(second, manager.accountId)).status).toBe(403);
    const otherPartner = await enrolledPartner();
    expect((await remove(otherPartner.admin, manager.accountId)).status).toBe(404);
    expect((await remove(partner.admin, (await activeAccount()).accountId)).status).toBe(404);

    expect((await assign(partner, customer.accountId, second.accountId)).status).toBe(200);
    expect((await remove(partner.admin, manager.accountId)).status).toBe(200);
    await expectNotStaff(partner, manager);
  });

  it('R-PD-04: a removal racing an assignment of a customer to the same manager — exactly one wins (never a removed manager with a customer)', async () => {
    for (let round = 0; round < 3; round += 1) {
      const partner = await enrolledPartner();
      const manager = await accountManager(partner);
      const { customer } = await associatedCustomer(partner);
      const [assigned, removed] = await Promise.all([
        assign(partner, customer.accountId, manager.accountId),
        remove(partner.admin, manager.accountId),
      ]);
      const claim = await loadStaffRole(manager.accountId);
      if (removed.status === 200) {
        expect(assigned.status, JSON.stringify(assigned.body)).not.toBe(200);
        expect(claim).toBeUndefined();
      } else {
        expect([409, 422]).toContain(removed.status);
        expect(assigned.status).toBe(200);
        expect(claim).toEqual({ partnerId: partner.partnerId, role: 'account-manager' });
      }
    }
  });

  it('R-PD-04 (race): one account accepting two partners’ invitations in parallel ends staff of exactly one (the other answers 409)', async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const account = await activeAccount();
    const [i1, i2] = [await inviteMember(p1, account.accountId), await inviteMember(p2, account.accountId)];
    const answers = await Promise.all([
      decideMembership(account, i1.body.requestId, true),
      decideMembership(account, i2.body.requestId, true),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers[0]!.status === 200 ? p1 : p2;
    const loser = winner === p1 ? p2 : p1;
    expect(await loadStaffRole(account.accountId)).toEqual({ partnerId: winner.partnerId, role: 'account-manager' });
    expect((await listMembers(winner.partnerId)).map((m) => m.accountId)).toContain(account.accountId);
    expect((await listMembers(loser.partnerId)).map((m) => m.accountId)).not.toContain(account.accountId);
    expect(await events(loser.partnerId)).not.toContain('member-joined');
  });
});
