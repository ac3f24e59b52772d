/**
 * R-PA-04 (issue 11: "budget concurrent with another association change → no lost update"): a budget is decided on
 * the association item it read; when another change lands between that read and the write, the version condition
 * refuses the stale write and the budget is decided again on the fresh item — so the history names the right old
 * budget, the freeze is lifted (and logged) once, and the other change stays.
 */
import { describe, expect, it, vi } from 'vitest';
import { handler as budgetHandler } from '../../../functions/partners/setCustomerBudget.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { listLog } from '../../../lib/core/association-log/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { transact } from '../../../lib/core/store/writes.js';
import type { Association } from '../../../lib/partners/model.js';
import * as store from '../../../lib/partners/store.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { associatedCustomer, enrolledPartner } from '../../support/partners.js';

vi.mock('../../../lib/partners/store.js', async (original) => {
  const actual = await original<typeof import('../../../lib/partners/store.js')>();
  return { ...actual, loadPartnerCustomer: vi.fn(actual.loadPartnerCustomer) };
});

const setBudget = (token: string, customerId: string, monthlyBudget: number) =>
  invoke(budgetHandler, {
    method: 'PUT',
    path: `/v1/partner-center/customers/${customerId}/budget`,
    pathParameters: { customerId },
    headers: bearer(token),
    body: { monthlyBudget, currency: 'USD' },
  });

describe('a budget racing another change of the association (R-PA-04)', () => {
  it.each([
    [
      'another budget',
      (a: Association) => ({ frozen: false, budget: { monthlyBudget: 100, currency: 'USD', setAt: a.associatedAt, setBy: 'x' } }),
    ],
    ['an authorization grant', () => ({ authorized: true })],
  ])('R-PA-04: %s landing between the read and the write is not lost: the budget is re-decided on the fresh item', async (_name, other) => {
    const partner = await enrolledPartner();
    const { customer } = await associatedCustomer(partner);
    const actual = await vi.importActual<typeof store>('../../../lib/partners/store.js');
    vi.mocked(store.loadPartnerCustomer).mockImplementationOnce(async (partnerId, customerId) => {
      const read = (await actual.loadPartnerCustomer(partnerId, customerId))!;
      // The other change commits right after the budget read the association.
      await transact([actual.associationUpdate(read, other(read) as Partial<Association>)]);
      return read;
    });
    const res = await setBudget(partner.admin.token, customer.accountId, 250);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = (await actual.loadPartnerCustomer(partner.partnerId, customer.accountId))!;
    expect(after).toMatchObject({
      frozen: false,
      budget: { monthlyBudget: 250 },
      version: 3,
      ...(_name === 'an authorization grant' ? { authorized: true } : {}),
    });
    const entries = (await listLog(`${partner.partnerId}#${customer.accountId}`)).items;
    const budgets = entries.filter((e) => e.event === 'budget-set');
    expect(budgets).toHaveLength(1);
    if (_name === 'another budget') {
      // The freeze was lifted by the change that landed first: the re-decided budget names it as old and unfreezes nothing.
      expect(budgets[0]!.details).toEqual({ old: { monthlyBudget: 100, currency: 'USD' }, new: { monthlyBudget: 250, currency: 'USD' } });
      expect(entries.filter((e) => e.event === 'unfrozen')).toHaveLength(0);
    } else {
      expect(entries.filter((e) => e.event === 'unfrozen')).toHaveLength(1);
    }
  });

  it('R-PD-04 R-PA-04: an administrator demoted between the read and the write is refused (403) and nothing is written', async () => {
    const partner = await enrolledPartner();
    const { customer, association } = await associatedCustomer(partner);
    const actual = await vi.importActual<typeof store>('../../../lib/partners/store.js');
    vi.mocked(store.loadPartnerCustomer).mockImplementationOnce(async (partnerId, customerId) => {
      const read = await actual.loadPartnerCustomer(partnerId, customerId);
      await db().send(
        new UpdateCommand({
          TableName: TABLE(),
          Key: keys.partnerRole(partner.admin.accountId),
          UpdateExpression: 'SET #role = :m',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':m': 'account-manager' },
        }),
      );
      return read;
    });
    const res = await setBudget(partner.admin.token, customer.accountId, 250);
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(await actual.loadPartnerCustomer(partner.partnerId, customer.accountId)).toEqual(association);
    expect((await loadFacts(customer.accountId)).associations.partnerFrozen).toBe(true);
    expect((await listLog(customer.accountId)).items.filter((e) => e.event === 'budget-set')).toEqual([]);
  });
});
