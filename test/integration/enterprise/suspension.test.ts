/**
 * Issue 12 effects, R-MM-04: a member is suspended whenever its master is. Decision: computed at READ time — the
 * facts loader (lib/core/checks/store.ts loadFacts) reads the master's standing for a member (one GetItem), so the
 * member sees its master's suspension on its very next request; no propagation job, nothing to keep in sync. The
 * purchase guard (POST /v1/account/purchase-authorizations) refuses with 422 ACCOUNT_SUSPENDED and the suspension
 * conditions before the freeze conditions. SDK calls pinned: none extra for an account that is no member.
 */
import { describe, expect, it } from 'vitest';
import { handler as purchaseHandler } from '../../../functions/partners/authorizePurchase.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { suspensionOf } from '../../../lib/core/checks/suspension.js';
import { associationFactsWrite } from '../../../lib/core/checks/store.js';
import { resetSdkCalls, sdkCallCounts } from '../../../lib/core/sdk-calls.js';
import { transact } from '../../../lib/core/store/writes.js';
import { activeAccount, putStanding } from '../../support/closure.js';
import { acceptedMember, enabledMaster } from '../../support/enterprise.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';

const askPurchase = (token: string, operation = 'purchase') =>
  invoke(purchaseHandler, { method: 'POST', path: '/v1/account/purchase-authorizations', headers: bearer(token), body: { operation } });
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

describe('R-MM-04: a member is suspended whenever its master is (computed at read time)', () => {
  it("R-MM-04: the operator suspends the master → the member's very next purchase authorization is refused (ACCOUNT_SUSPENDED, master-suspended); lifted → allowed on the next request", async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { accountingMode: 'unified' });
    const before = await askPurchase(member.token);
    expect(before.status, JSON.stringify(before.body)).toBe(200);

    await putStanding(master.accountId, { suspended: true });
    const refused = await askPurchase(member.token, 'renew');
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.code).toBe('ACCOUNT_SUSPENDED');
    expect(conditions(refused.body)).toEqual(['master-suspended']);
    expect(refused.body.failures[0].message.length).toBeGreaterThan(0);
    // The master itself is suspended too (its own standing).
    const own = await askPurchase(master.token);
    expect(own.status).toBe(422);
    expect(own.body.code).toBe('ACCOUNT_SUSPENDED');
    expect(conditions(own.body)).toEqual(['account-suspended']);

    await putStanding(master.accountId, { suspended: false });
    const allowed = await askPurchase(member.token, 'renew');
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body).toEqual({ allowed: true, operation: 'renew' });
  });

  it('R-MM-04: suspensionOf names the reason — own suspension first, then the master, then a missing payment method (R-MM-05); an account suspended and frozen is answered ACCOUNT_SUSPENDED with the suspension before the freeze', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { accountingMode: 'independent' });
    expect(suspensionOf(await loadFacts(member.accountId))).toBeUndefined();
    await putStanding(master.accountId, { suspended: true });
    expect((await loadFacts(member.accountId)).masterSuspended).toBe(true);
    expect(suspensionOf(await loadFacts(member.accountId))).toBe('master-suspended');
    await putStanding(member.accountId, { suspended: true, manuallyFrozen: true });
    expect(suspensionOf(await loadFacts(member.accountId))).toBe('suspended');
    const both = await askPurchase(member.token);
    expect(both.status).toBe(422);
    expect(both.body.code).toBe('ACCOUNT_SUSPENDED');
    expect(conditions(both.body)).toEqual(['account-suspended', 'master-suspended', 'manually-frozen']);

    // R-MM-05: a former member the master created, awaiting a payment method (the fact the disassociation writes).
    const former = await activeAccount();
    await transact([associationFactsWrite(former.accountId, { awaitingPaymentMethod: true })]);
    expect(suspensionOf(await loadFacts(former.accountId))).toBe('payment-method-required');
    const awaiting = await askPurchase(former.token);
    expect(awaiting.status).toBe(422);
    expect(awaiting.body.code).toBe('ACCOUNT_SUSPENDED');
    expect(conditions(awaiting.body)).toEqual(['payment-method-required']);

    // A freeze alone keeps its own code (R-PA-04).
    const frozen = await activeAccount();
    await putStanding(frozen.accountId, { manuallyFrozen: true });
    const refused = await askPurchase(frozen.token);
    expect(refused.body.code).toBe('ACCOUNT_FROZEN');
    expect(conditions(refused.body)).toEqual(['manually-frozen']);
  });

  it('R-MM-04: SDK calls of the purchase guard — an account that is no member reads nothing more (2 session reads + 1 BatchGetItem); a member reads its master standing (1 GetItem more); a master with unified members reads their rows and standings (1 Query + 1 BatchGetItem more)', async () => {
    const plain = await activeAccount();
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { accountingMode: 'unified' });
    const counted = async (token: string) => {
      resetSdkCalls();
      const res = await askPurchase(token);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return sdkCallCounts();
    };
    expect(await counted(plain.token)).toEqual({ 'DynamoDB.GetItem': 2, 'DynamoDB.BatchGetItem': 1 });
    expect(await counted(member.token)).toEqual({ 'DynamoDB.GetItem': 3, 'DynamoDB.BatchGetItem': 1 });
    expect(await counted(master.token)).toEqual({ 'DynamoDB.GetItem': 2, 'DynamoDB.BatchGetItem': 2, 'DynamoDB.Query': 1 });
    // A master with only independent members reads nothing more than any account.
    const other = await enabledMaster();
    await acceptedMember(other, { accountingMode: 'independent' });
    expect(await counted(other.token)).toEqual({ 'DynamoDB.GetItem': 2, 'DynamoDB.BatchGetItem': 1 });
  });
});
