/**
 * Issue 11 (R-PD-04): the partner administrator adds account managers (by an invitation the account accepts: issue 11
 * review finding 3, see ./membership.test.ts) and assigns them customers; an account manager sees only its assigned
 * customers; only the administrator may do either.
 */
import { describe, expect, it } from 'vitest';
import { handler as addMember } from '../../../functions/partners/addPartnerMember.js';
import { handler as assignManager } from '../../../functions/partners/assignAccountManager.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { requireCustomerOfPartner } from '../../../lib/partners/staff.js';
import { loadPartnerCustomer, loadStaffRole } from '../../../lib/partners/store.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { accountManager, associatedCustomer, decideMembership, enrolledPartner } from '../../support/partners.js';

const add = (token: string, body: Record<string, unknown>) =>
  invoke(addMember, { method: 'POST', path: '/v1/partner-center/members', headers: bearer(token), body });
const assign = (token: string, customerId: string, accountId: string) =>
  invoke(assignManager, {
    method: 'PUT',
    path: `/v1/partner-center/customers/${customerId}/account-manager`,
    pathParameters: { customerId },
    headers: bearer(token),
    body: { accountId },
  });

describe('partner members (issue 11, R-PD-04)', () => {
  it('R-PD-04: the administrator adds an account manager (invited, accepted) and assigns it a customer; the manager then sees only that customer', async () => {
    const partner = await enrolledPartner();
    const manager = await activeAccount();
    const added = await add(partner.admin.token, { accountId: manager.accountId, role: 'account-manager' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ partnerId: partner.partnerId, accountId: manager.accountId, role: 'account-manager' });
    expect((await decideMembership(manager, added.body.requestId, true)).status).toBe(200);
    expect(await loadStaffRole(manager.accountId)).toEqual({ partnerId: partner.partnerId, role: 'account-manager' });
    expect((await loadFacts(manager.accountId)).associations.partnerProgram).toBe(true);

    const [mine, other] = [await associatedCustomer(partner), await associatedCustomer(partner)];
    const staff = { partnerId: partner.partnerId, role: 'account-manager' as const, accountId: manager.accountId };
    await expect(requireCustomerOfPartner(staff, mine.customer.accountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const res = await assign(partner.admin.token, mine.customer.accountId, manager.accountId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ customerId: mine.customer.accountId, accountManagerId: manager.accountId });
    expect((await loadPartnerCustomer(partner.partnerId, mine.customer.accountId))?.accountManagerId).toBe(manager.accountId);
    expect((await requireCustomerOfPartner(staff, mine.customer.accountId)).customerId).toBe(mine.customer.accountId);
    await expect(requireCustomerOfPartner(staff, other.customer.accountId)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // R-PD-07: the assignment is in the log of the partner and of the pair.
    const log = await listLog(`${partner.partnerId}#${mine.customer.accountId}`);
    expect(log.items.find((e) => e.event === 'account-manager-assigned')).toMatchObject({
      actor: { kind: 'partner', id: `${partner.partnerId}:${partner.admin.accountId}` },
      details: { accountManagerId: manager.accountId },
    });
  });

  it('R-PD-04: an account manager may neither add members nor assign customers (403); a non-staff account: 403', async () => {
    const partner = await enrolledPartner();
    const manager = await accountManager(partner);
    const { customer } = await associatedCustomer(partner);
    const stranger = await activeAccount();
    expect((await add(manager.token, { accountId: stranger.accountId, role: 'account-manager' })).status).toBe(403);
    expect((await assign(manager.token, customer.accountId, manager.accountId)).status).toBe(403);
    expect((await add(stranger.token, { accountId: stranger.accountId, role: 'account-manager' })).status).toBe(403);
    expect((await assign(stranger.token, customer.accountId, manager.accountId)).status).toBe(403);
  });

  it('R-PD-04: an account already staff of any partner cannot become staff of another (409 to the account itself when it accepts; issue 11 review finding 3)', async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const res = await add(p1.admin.token, { accountId: p2.admin.accountId, role: 'account-manager' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const accepted = await decideMembership(p2.admin, res.body.requestId, true);
    expect(accepted.status).toBe(409);
    expect(accepted.body.code).toBe('STATE_CONFLICT');
    expect(await loadStaffRole(p2.admin.accountId)).toEqual({ partnerId: p2.partnerId, role: 'administrator' });
    // Its own staff: the partner knows them, so that is said at once.
    const own = await add(p1.admin.token, { accountId: p1.admin.accountId, role: 'account-manager' });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('STATE_CONFLICT');
  });

  it("BOLA: another partner's customer is not found (404); a manager of another partner, or no manager, is refused (422)", async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const manager2 = await accountManager(p2);
    const { customer } = await associatedCustomer(p1);
    const { customer: customer2 } = await associatedCustomer(p2);
    expect((await assign(p1.admin.token, customer2.accountId, p1.admin.accountId)).status).toBe(404);
    const foreign = await assign(p1.admin.token, customer.accountId, manager2.accountId);
    expect(foreign.status).toBe(422);
    expect(foreign.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['not-an-account-manager']);
    expect((await assign(p1.admin.token, customer.accountId, p1.admin.accountId)).status).toBe(422);
    expect((await add(p1.admin.token, { accountId: 'ac_unknown', role: 'account-manager' })).status).toBe(404);
  });

  it("a partner's customer cannot be its staff (422 partner-customer); another partner's customer can", async () => {
    const [p1, p2] = [await enrolledPartner(), await enrolledPartner()];
    const { customer } = await associatedCustomer(p1);
    const res = await add(p1.admin.token, { accountId: customer.accountId, role: 'account-manager' });
    expect(res.status).toBe(422);
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['partner-customer']);
    expect(await loadStaffRole(customer.accountId)).toBeUndefined();
    await accountManager(p2, customer);
    expect(await loadStaffRole(customer.accountId)).toEqual({ partnerId: p2.partnerId, role: 'account-manager' });
  });
});
