/**
 * Issue 11 ("SDK calls per operation pinned"): the DynamoDB calls of the customer list, contact reveal, tags and
 * association records, session check included. A change that adds a round trip fails here first.
 */
import { describe, expect, it } from 'vitest';
import { handler as recordsHandler } from '../../../functions/partners/listAssociationRecords.js';
import { handler as myRecordsHandler } from '../../../functions/partners/listMyPartnerRecords.js';
import { handler as listHandler } from '../../../functions/partners/listPartnerCustomers.js';
import { handler as revealHandler } from '../../../functions/partners/revealPartnerCustomerContact.js';
import { handler as tagsHandler } from '../../../functions/partners/setPartnerCustomerTags.js';
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

describe('SDK calls per partners operation (issue 11: customer list and records)', () => {
  it('R-PD-10 R-PD-07: list 1 Query + 1 BatchGetItem per page; reveal and tags (account read) 1 transaction; records 1 Query', async () => {
    const partner = await enrolledPartner();
    // Associated through the real use case: its transaction wrote the index rows the list reads.
    const { customer } = await associatedCustomer(partner);
    const customerId = customer.accountId;
    const admin = bearer(partner.admin.token);
    // Session check: 2 GetItem (session, account); staff claim: 1 GetItem.
    expect(await counted(() => invoke(listHandler, { method: 'GET', path: '/v1/partner-center/customers', headers: admin }))).toEqual({
      'DynamoDB.GetItem': 3,
      'DynamoDB.Query': 1,
      'DynamoDB.BatchGetItem': 1,
    });
    expect(
      await counted(() =>
        invoke(revealHandler, {
          method: 'GET',
          path: `/v1/partner-center/customers/${customerId}/contact/email`,
          pathParameters: { customerId, field: 'email' },
          headers: admin,
        }),
      ),
    ).toEqual({ 'DynamoDB.GetItem': 5, 'DynamoDB.TransactWriteItems': 1 });
    expect(
      await counted(() =>
        invoke(tagsHandler, {
          method: 'PUT',
          path: `/v1/partner-center/customers/${customerId}/tags`,
          pathParameters: { customerId },
          headers: admin,
          body: { tags: ['vip'] },
        }),
      ),
    ).toEqual({ 'DynamoDB.GetItem': 5, 'DynamoDB.TransactWriteItems': 1 });
    expect(
      await counted(() => invoke(recordsHandler, { method: 'GET', path: '/v1/partner-center/association-records', headers: admin })),
    ).toEqual({ 'DynamoDB.GetItem': 3, 'DynamoDB.Query': 1 });
    expect(
      await counted(() => invoke(myRecordsHandler, { method: 'GET', path: '/v1/partner/records', headers: bearer(customer.token) })),
    ).toEqual({ 'DynamoDB.GetItem': 2, 'DynamoDB.Query': 1 });
  });
});
