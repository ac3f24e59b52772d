/**
 * Issue 11 ("SDK calls per operation pinned"): the DynamoDB calls of the freeze/budget, authorization and My
 * Partner operations, session check included. A change that adds a round trip fails here first.
 */
import { describe, expect, it } from 'vitest';
import { handler as purchaseHandler } from '../../../functions/partners/authorizePurchase.js';
import { handler as partnerHandler } from '../../../functions/partners/getPartner.js';
import { handler as budgetHandler } from '../../../functions/partners/setCustomerBudget.js';
import { handler as authorizationHandler } from '../../../functions/partners/setPartnerAuthorization.js';
import { resetSdkCalls, sdkCallCounts } from '../../../lib/core/sdk-calls.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { associatedCustomer, enrolledPartner } from '../../support/partners.js';

async function counted(fn: () => ReturnType<typeof invoke>) {
  resetSdkCalls();
  const res = await fn();
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return { ...sdkCallCounts() };
}

describe('SDK calls per partners operation (issue 11: freeze and budget, authorization, My Partner)', () => {
  it('R-PA-04 R-PA-05 R-PA-06: session check 2 reads; budget + staff + association reads and 1 transaction; purchase guard, My Partner and authorization as pinned', async () => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    const customerId = customer.accountId;
    expect(
      await counted(() =>
        invoke(budgetHandler, {
          method: 'PUT',
          path: `/v1/partner-center/customers/${customerId}/budget`,
          pathParameters: { customerId },
          headers: bearer(partner.admin.token),
          body: { monthlyBudget: 10, currency: 'USD' },
        }),
      ),
    ).toEqual({ 'DynamoDB.GetItem': 4, 'DynamoDB.TransactWriteItems': 1 });
    expect(
      await counted(() =>
        invoke(purchaseHandler, {
          method: 'POST',
          path: '/v1/account/purchase-authorizations',
          headers: bearer(customer.token),
          body: { operation: 'renew' },
        }),
      ),
    ).toEqual({ 'DynamoDB.GetItem': 2, 'DynamoDB.BatchGetItem': 1 });
    expect(await counted(() => invoke(partnerHandler, { method: 'GET', path: '/v1/partner', headers: bearer(customer.token) }))).toEqual({
      'DynamoDB.GetItem': 5,
      'DynamoDB.Query': 1,
    });
    expect(
      await counted(() =>
        invoke(authorizationHandler, {
          method: 'PUT',
          path: '/v1/partner/authorization',
          headers: bearer(customer.token),
          body: { authorizeOperations: true },
        }),
      ),
    ).toEqual({ 'DynamoDB.GetItem': 4, 'DynamoDB.TransactWriteItems': 1 });
  });
});
