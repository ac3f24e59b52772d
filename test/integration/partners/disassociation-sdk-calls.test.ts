/**
 * The SDK calls of each disassociation operation, pinned (issue 11 "SDK calls per operation pinned"; docs/DESIGN.md
 * "Partners: disassociation"): a change that adds a round trip fails here. SNS publishes are counted by a notifier stub.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { nowIso, setClockOffset } from '../../../lib/core/clock.js';
import { type Message, useNotifier } from '../../../lib/core/notify/notifier.js';
import { resetSdkCalls, sdkCallCounts } from '../../../lib/core/sdk-calls.js';
import {
  checks,
  customerDecides,
  customerRequest,
  freshToken,
  partnerDecides,
  partnerRequest,
  readyCustomer,
  smsCode,
  ticket,
  uniqueTicket,
} from '../../support/disassociation.js';
import { enrolledPartner } from '../../support/partners.js';
import { findAccount } from '../../../lib/accounts/store.js';

const sent: Message[] = [];
afterEach(() => {
  useNotifier(undefined);
  setClockOffset(0);
});

async function counted(fn: () => Promise<{ status: number; body: any } | unknown>) {
  useNotifier({ send: async (m) => void sent.push(m) });
  const before = sent.length;
  resetSdkCalls();
  const res = (await fn()) as { status?: number; body?: unknown };
  if (res && typeof res === 'object' && 'status' in res) expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  const calls = { ...sdkCallCounts(), ...(sent.length > before ? { 'SNS.Publish': sent.length - before } : {}) };
  useNotifier(undefined);
  return calls;
}

// Read: the edge's session (GetItem ×2); the association (pointer + item: GetItem ×2); the facts and the quota windows
// (BatchGetItem ×2); the pending request (Query, + BatchGetItem when there is one). Write: one transaction; the
// outbox publish (UpdateItem claim + DeleteItem + SNS.Publish per notice); a code check adds UpdateItem (attempt).
const PINNED: Record<string, Record<string, number>> = {
  getDisassociationChecks: { 'DynamoDB.GetItem': 5, 'DynamoDB.BatchGetItem': 2, 'DynamoDB.Query': 1 },
  requestDisassociation: {
    'DynamoDB.GetItem': 7,
    'DynamoDB.UpdateItem': 2,
    'DynamoDB.BatchGetItem': 2,
    'DynamoDB.Query': 1,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  'decideDisassociationAsPartner (reject)': {
    'DynamoDB.GetItem': 9,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 2,
    'DynamoDB.DeleteItem': 2,
    'SNS.Publish': 2,
  },
  requestCustomerDisassociation: {
    'DynamoDB.GetItem': 7,
    'DynamoDB.BatchGetItem': 3,
    'DynamoDB.Query': 1,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  'decideDisassociationAsCustomer (agree)': {
    'DynamoDB.GetItem': 8,
    'DynamoDB.BatchGetItem': 3,
    'DynamoDB.Query': 1,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 2,
    'DynamoDB.DeleteItem': 2,
    'SNS.Publish': 2,
  },
  'disassociateByTicket (cancels a pending request)': {
    'DynamoDB.GetItem': 7,
    'DynamoDB.BatchGetItem': 3,
    'DynamoDB.Query': 1,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 2,
    'DynamoDB.DeleteItem': 2,
    'SNS.Publish': 2,
  },
  'scheduler run expiring one request': {
    'DynamoDB.Query': 4,
    'DynamoDB.UpdateItem': 3,
    'DynamoDB.GetItem': 5,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.DeleteItem': 2,
    'SNS.Publish': 2,
  },
};

describe('SDK calls per disassociation operation (issue 11)', () => {
  it('R-PD-01 R-PD-02 R-PD-04 R-PD-09: checks, requests, decisions, the ticket path and the expiry', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const got: Record<string, Record<string, number>> = {};
    got.getDisassociationChecks = await counted(() => checks(customer));
    const code = await smsCode(customer);
    let requestId = '';
    got.requestDisassociation = await counted(async () => {
      const res = await customerRequest(customer, code);
      requestId = res.body.requestId;
      return res;
    });
    got['decideDisassociationAsPartner (reject)'] = await counted(() => partnerDecides(partner.admin, requestId, { agree: false }));
    got.requestCustomerDisassociation = await counted(async () => {
      const res = await partnerRequest(partner.admin, customer.accountId);
      requestId = res.body.requestId;
      return res;
    });
    got['decideDisassociationAsCustomer (agree)'] = await counted(() => customerDecides(customer, requestId, true));

    const second = await readyCustomer(partner);
    const pending = await partnerRequest(partner.admin, second.accountId);
    expect(pending.status).toBe(201);
    const admin = (await findAccount(partner.admin.accountId))!;
    const other = (await findAccount(second.accountId))!;
    got['disassociateByTicket (cancels a pending request)'] = await counted(() =>
      ticket({
        customerId: second.accountId,
        ticketId: uniqueTicket(),
        consentEmail: {
          from: admin.email,
          to: other.email,
          subject: `Approving HUAWEI CLOUD account ${other.tenantName} to disassociate from partner account ${admin.tenantName}`,
          body: `HUAWEI CLOUD partner (account name: ${admin.tenantName}) agrees to cancel the association with the customer (account name: ${other.tenantName}). We hereby authorize HUAWEI CLOUD to cancel the association with the customer (account name: ${other.tenantName}).`,
          receivedAt: nowIso(),
        },
      }),
    );

    const third = await readyCustomer(partner);
    await freshToken(partner.admin);
    expect((await partnerRequest(partner.admin, third.accountId)).status).toBe(201);
    setClockOffset(31 * 86_400_000);
    got['scheduler run expiring one request'] = await counted(() => runScheduler());
    expect(got).toEqual(PINNED);
  });
});
