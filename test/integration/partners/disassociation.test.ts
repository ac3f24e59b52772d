/**
 * Partner disassociation over the handlers, on DynamoDB Local (issue 11: R-PD-01..08). Requests are two-party
 * handshakes (lib/core/handshake); quotas are conditional window writes (lib/core/quota/store.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { associationFactsWrite } from '../../../lib/core/checks/store.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { transact } from '../../../lib/core/store/writes.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { pendingDisassociation } from '../../../lib/partners/disassociation-store.js';
import { loadCustomerPartner } from '../../../lib/partners/store.js';
import { putStanding } from '../../support/closure.js';
import {
  checks,
  customerDecides,
  customerRequest,
  logEvents,
  operationCode,
  partnerDecides,
  partnerRequest,
  readyCustomer,
  settings,
  smsCode,
  staffMember,
  traces,
} from '../../support/disassociation.js';
import { verificationFor } from '../../support/identity.js';
import { enrolledPartner } from '../../support/partners.js';

const DAY = 86_400_000;

describe('customer-initiated disassociation (R-PD-01, R-PD-02, R-PD-03)', () => {
  it('R-PD-01: checks pass, the customer confirms with an SMS code, the request goes to the partner (logged, audited, notified)', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const before = await checks(customer);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ passed: true, failures: [], requestsLeft: 1 });

    const res = await customerRequest(customer);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ requestId: expect.stringMatching(/^dr_/), status: 'pending' });
    const request = await loadHandshake(res.body.requestId);
    expect(request).toMatchObject({
      kind: 'partner-disassociation',
      state: 'pending',
      initiator: { id: customer.accountId, role: 'customer' },
      counterparty: { id: partner.partnerId, role: 'partner' },
    });
    expect((await pendingDisassociation(customer.accountId))?.id).toBe(res.body.requestId);
    // R-PD-07: logged on the customer's, the partner's and the pair's views.
    for (const view of [customer.accountId, partner.partnerId, `${partner.partnerId}#${customer.accountId}`]) {
      expect(await logEvents(view)).toContain('disassociation-requested');
    }
    expect((await traces(customer.accountId)).map((t) => t.traceName)).toContain('requestPartnerDisassociation');
    const [notice] = await listRecordedMessages(partner.admin.email, 1);
    expect(notice).toMatchObject({ kind: 'partner-disassociation-requested' });
    // The checks now name the pending request and the used quota.
    const after = await checks(customer);
    expect(after.body.passed).toBe(false);
    expect(after.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['request-pending', 'request-quota']);
    expect(after.body.requestsLeft).toBe(0);
  });
});
