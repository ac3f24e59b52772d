/**
 * Issue 11, freeze and budget (R-PA-04, R-PA-05) and the partner as actor on the customer (R-PA-06):
 * PUT /v1/partner-center/customers/{customerId}/budget, the purchase guard POST /v1/account/purchase-authorizations,
 * and what GET /v1/partner shows. In-process handlers against DynamoDB Local.
 */
import { describe, expect, it } from 'vitest';
import { handler as budgetHandler } from '../../../functions/partners/setCustomerBudget.js';
import { handler as purchaseHandler } from '../../../functions/partners/authorizePurchase.js';
import { handler as partnerHandler } from '../../../functions/partners/getPartner.js';
import { handler as authorizationHandler } from '../../../functions/partners/setPartnerAuthorization.js';
import { handler as tracesHandler } from '../../../functions/audit/queryAuditTraces.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { transact } from '../../../lib/core/store/writes.js';
import { associationUpdate, loadPartnerCustomer } from '../../../lib/partners/store.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import {
  type TestPartner,
  accountManager as joinedManager,
  associatedCustomer,
  enrolledPartner,
  tracesOf,
} from '../../support/partners.js';

const setBudget = (token: string, customerId: string, body: Record<string, unknown> = { monthlyBudget: 1500.5, currency: 'USD' }) =>
  invoke(budgetHandler, {
    method: 'PUT',
    path: `/v1/partner-center/customers/${customerId}/budget`,
    pathParameters: { customerId },
    headers: bearer(token),
    body,
  });

const askPurchase = (token: string, operation = 'purchase') =>
  invoke(purchaseHandler, { method: 'POST', path: '/v1/account/purchase-authorizations', headers: bearer(token), body: { operation } });

const myPartner = (token: string) => invoke(partnerHandler, { method: 'GET', path: '/v1/partner', headers: bearer(token) });

const authorize = (token: string, authorizeOperations: boolean) =>
  invoke(authorizationHandler, { method: 'PUT', path: '/v1/partner/authorization', headers: bearer(token), body: { authorizeOperations } });

/** An account manager of the partner (invited and accepted: issue 11 review finding 3), optionally assigned to a customer. */
async function accountManager(partner: TestPartner, assignedTo?: string) {
  const manager = await joinedManager(partner);
  if (assignedTo) {
    const a = (await loadPartnerCustomer(partner.partnerId, assignedTo))!;
    await transact([associationUpdate(a, { accountManagerId: manager.accountId })]);
  }
  return manager;
}

describe('freeze and budget (R-PA-04, issue 11 item freeze and budget)', () => {
  it('R-PA-04: a frozen reseller customer is refused purchase, renew and change (422 ACCOUNT_FROZEN, partner-frozen) until the partner sets a budget; then allowed', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    for (const operation of ['purchase', 'renew', 'change']) {
      const refused = await askPurchase(customer.token, operation);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.code).toBe('ACCOUNT_FROZEN');
      expect(refused.body.failures).toEqual([{ condition: 'partner-frozen', message: expect.stringMatching(/partner.*budget/i) }]);
    }
    expect((await myPartner(customer.token)).body.frozen).toBe(true);

    const set = await setBudget(partner.admin.token, customer.accountId);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ frozen: false, monthlyBudget: 1500.5, currency: 'USD' });

    for (const operation of ['purchase', 'renew', 'change']) {
      const allowed = await askPurchase(customer.token, operation);
      expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
      expect(allowed.body).toEqual({ allowed: true, operation });
    }
    expect((await loadFacts(customer.accountId)).associations.partnerFrozen).toBe(false);
    const view = await myPartner(customer.token);
    expect(view.body).toMatchObject({ frozen: false, monthlyBudget: { amount: 1500.5, currency: 'USD' } });
  });

  it('R-PA-04: a referral customer is never frozen (purchases allowed) and has no budget to set (422 referral-model)', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner, { model: 'referral' });
    expect((await askPurchase(customer.token)).status).toBe(200);
    const res = await setBudget(partner.admin.token, customer.accountId);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['referral-model']);
  });

  it('an account without a partner may purchase (the guard refuses only what a freeze names)', async () => {
    const account = await activeAccount();
    expect((await askPurchase(account.token, 'renew')).status).toBe(200);
  });

  it('R-PA-04: the budget history is kept in the association log: budget-set with old and new, unfrozen once, on the customer, partner and pair views', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    expect((await setBudget(partner.admin.token, customer.accountId, { monthlyBudget: 100, currency: 'USD' })).status).toBe(200);
    expect((await setBudget(partner.admin.token, customer.accountId, { monthlyBudget: 250.75, currency: 'EUR' })).status).toBe(200);
    const actor = { kind: 'partner', id: `${partner.partnerId}:${partner.admin.accountId}` };
    for (const view of [customer.accountId, partner.partnerId, `${partner.partnerId}#${customer.accountId}`]) {
      const entries = (await listLog(view)).items.filter((e) => e.customerId === customer.accountId);
      const budgets = entries.filter((e) => e.event === 'budget-set');
      expect(budgets.map((e) => e.details)).toEqual([
        { old: null, new: { monthlyBudget: 100, currency: 'USD' } },
        { old: { monthlyBudget: 100, currency: 'USD' }, new: { monthlyBudget: 250.75, currency: 'EUR' } },
      ]);
      expect(budgets.every((e) => e.actor.kind === actor.kind && e.actor.id === actor.id)).toBe(true);
      expect(entries.filter((e) => e.event === 'unfrozen')).toHaveLength(1);
    }
  });

  it("R-PA-06: setting the budget is written to the CUSTOMER's audit traces with the partner as actor (stored partner:<partnerId>:<staffAccountId>; the customer sees partner:<partnerId>)", async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    expect((await setBudget(partner.admin.token, customer.accountId)).status).toBe(200);
    const traces = await invoke(tracesHandler, {
      method: 'GET',
      path: '/v1/audit/traces',
      query: { traceName: 'setPartnerBudget' },
      headers: bearer(customer.token),
    });
    expect(traces.status, JSON.stringify(traces.body)).toBe(200);
    expect(traces.body.items).toHaveLength(1);
    expect(traces.body.items[0]).toMatchObject({
      traceName: 'setPartnerBudget',
      actor: `partner:${partner.partnerId}`,
      result: 'success',
    });
    // Nor the staff member's own address (review 3 finding 3): the customer sees `partner` where its IP would be.
    expect(traces.body.items[0].sourceIp).toBe('partner');
    const stored = (await tracesOf(customer.accountId)).find((t) => t.traceName === 'setPartnerBudget');
    expect(stored?.actor).toBe(`partner:${partner.partnerId}:${partner.admin.accountId}`);
    expect(traces.body.items[0].changes.map((c: { field: string }) => c.field)).toEqual(['monthlyBudget', 'frozen']);
  });

  it.each([
    [{ monthlyBudget: -1, currency: 'USD' }, ['monthlyBudget']],
    [{ monthlyBudget: 10.123, currency: 'USD' }, ['monthlyBudget']],
    [{ monthlyBudget: '100', currency: 'USD' }, ['monthlyBudget']],
    [{ monthlyBudget: 100, currency: 'XXX' }, ['currency']],
    [{ monthlyBudget: 1.001, currency: 'usd' }, ['monthlyBudget', 'currency']],
    [{ currency: 'USD' }, ['monthlyBudget']],
  ])('a bad budget %j answers 400 listing every bad field %j, and nothing changes', async (body, fields) => {
    const partner = await enrolledPartner();
    const { customer, association } = await associatedCustomer(partner);
    const res = await setBudget(partner.admin.token, customer.accountId, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(fields.map((f) => `body.${f}`).sort());
    expect(await loadPartnerCustomer(partner.partnerId, customer.accountId)).toEqual(association);
  });
});

describe('who may set a budget (R-PD-04, R-PA-04, BOLA)', () => {
  it("R-PA-04 BOLA: another partner's administrator cannot budget this customer (404 NOT_FOUND), and nothing changes", async () => {
    const [partner, other] = await Promise.all([enrolledPartner(), enrolledPartner()]);
    const { customer, association } = await associatedCustomer(partner);
    const res = await setBudget(other.admin.token, customer.accountId);
    expect(res.status, JSON.stringify(res.body)).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toContain(customer.accountId);
    expect(await loadPartnerCustomer(partner.partnerId, customer.accountId)).toEqual(association);
    expect((await askPurchase(customer.token)).status).toBe(422);
  });

  it("R-PD-04: an account manager, even one assigned to the customer, cannot set budgets (403 FORBIDDEN: the administrator's right, seed 002)", async () => {
    const partner = await enrolledPartner();
    const { customer, association } = await associatedCustomer(partner);
    const manager = await accountManager(partner, customer.accountId);
    const res = await setBudget(manager.token, customer.accountId);
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect((await loadPartnerCustomer(partner.partnerId, customer.accountId))?.frozen).toBe(association.frozen);
  });

  it('an account that is no partner staff is refused (403), the customer itself included', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    const outsider = await activeAccount();
    for (const token of [outsider.token, customer.token]) {
      const res = await setBudget(token, customer.accountId);
      expect(res.status, JSON.stringify(res.body)).toBe(403);
    }
  });

  it('a customer that is not associated with any partner is not found (404)', async () => {
    const partner = await enrolledPartner();
    const stranger = await activeAccount();
    expect((await setBudget(partner.admin.token, stranger.accountId)).status).toBe(404);
  });
});

describe('a budget racing another change of the association (R-PA-04, R-PA-06: conditional on the version)', () => {
  it('R-PA-04 R-PA-06: a budget and an authorization change at once both hold: no lost update', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    const [budget, granted] = await Promise.all([
      setBudget(partner.admin.token, customer.accountId, { monthlyBudget: 700, currency: 'EUR' }),
      authorize(customer.token, true),
    ]);
    expect(budget.status, JSON.stringify(budget.body)).toBe(200);
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    const after = (await loadPartnerCustomer(partner.partnerId, customer.accountId))!;
    expect(after).toMatchObject({ frozen: false, authorized: true, budget: { monthlyBudget: 700, currency: 'EUR' }, version: 3 });
    expect((await loadFacts(customer.accountId)).associations.partnerFrozen).toBe(false);
  });

  it('R-PA-04: parallel budgets of one customer: each answered 200, the freeze is lifted once (one unfrozen entry)', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    const answers = await Promise.all(
      [100, 200, 300].map((monthlyBudget) => setBudget(partner.admin.token, customer.accountId, { monthlyBudget, currency: 'USD' })),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const entries = (await listLog(`${partner.partnerId}#${customer.accountId}`)).items;
    expect(entries.filter((e) => e.event === 'unfrozen')).toHaveLength(1);
    expect(entries.filter((e) => e.event === 'budget-set')).toHaveLength(answers.filter((a) => a.status === 200).length);
  });
});
