/**
 * Seed 002 (the partner runs the checks before confirming), issue 11 review 2 item 10:
 * `GET /v1/partner-center/customers/{customerId}/disassociation-checks` answers the partner-side checks (R-PD-05)
 * and the pair's quota (R-PD-06) as a partner request would judge them, for the administrator only (R-PD-04).
 */
import { describe, expect, it } from 'vitest';
import { handler as partnerChecksHandler } from '../../../functions/partners/getCustomerDisassociationChecks.js';
import { partnersConfig } from '../../../lib/core/config.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { putStanding } from '../../support/closure.js';
import {
  customerDecides,
  customerRequest,
  partnerDecides,
  partnerRequest,
  readyCustomer,
  staffMember,
} from '../../support/disassociation.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { enrolledPartner } from '../../support/partners.js';

const partnerChecks = (staff: { token: string }, customerId: string) =>
  invoke(partnerChecksHandler, {
    method: 'GET',
    path: `/v1/partner-center/customers/${customerId}/disassociation-checks`,
    pathParameters: { customerId },
    headers: bearer(staff.token),
  });
const conditions = (body: { failures: Array<{ condition: string }> }) => body.failures.map((f) => f.condition);

describe('the partner runs the disassociation checks before confirming (seed 002, R-PD-05, R-PD-06)', () => {
  it('R-PD-05: the administrator sees the partner-side checks — the same failures a request would be refused with — and the pair requests left; customer-only conditions do not count', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner, { currency: false });
    const clean = await partnerChecks(partner.admin, customer.accountId);
    expect(clean.status, JSON.stringify(clean.body)).toBe(200);
    expect(clean.body).toEqual({ passed: true, failures: [], requestsLeft: partnersConfig.pairRequestQuota.max });

    await putStanding(customer.accountId, { manuallyFrozen: true, reservedInstances: true, overduePayments: true });
    const failing = await partnerChecks(partner.admin, customer.accountId);
    expect(failing.status).toBe(200);
    expect(failing.body.passed).toBe(false);
    expect(conditions(failing.body)).toEqual(['manually-frozen', 'reserved-instances']);
    expect(failing.body.failures.every((f: { message: string }) => f.message.length > 0)).toBe(true);
    expect(failing.body.requestsLeft).toBe(3);
    const refused = await partnerRequest(partner.admin, customer.accountId);
    expect(refused.status).toBe(422);
    expect(refused.body.failures).toEqual(failing.body.failures);
  });

  it("R-PD-06: the pair's quota (not the customer's own) — 3 used: requestsLeft 0, request-quota, nextRequestPossibleAt = the first request's time + the pair window", async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    // The customer's own request uses its quota (1 of 1) and the pair's (1 of 3): the partner still has 2.
    const own = await customerRequest(customer);
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const firstAt = (await loadHandshake(own.body.requestId))!.createdAt;
    expect((await partnerDecides(partner.admin, own.body.requestId, { agree: false })).status).toBe(200);
    expect((await partnerChecks(partner.admin, customer.accountId)).body).toEqual({ passed: true, failures: [], requestsLeft: 2 });
    const opened = await partnerRequest(partner.admin, customer.accountId);
    expect(opened.status).toBe(201);
    // An open request is named while it is pending.
    const pending = await partnerChecks(partner.admin, customer.accountId);
    expect(pending.body).toMatchObject({ passed: false, requestsLeft: 1 });
    expect(conditions(pending.body)).toEqual(['request-pending']);
    expect((await customerDecides(customer, opened.body.requestId, false)).status).toBe(200);
    const last = await partnerRequest(partner.admin, customer.accountId);
    expect(last.status).toBe(201);
    expect((await customerDecides(customer, last.body.requestId, false)).status).toBe(200);

    const spent = await partnerChecks(partner.admin, customer.accountId);
    expect(spent.status).toBe(200);
    expect(spent.body).toEqual({
      passed: false,
      failures: [expect.objectContaining({ condition: 'request-quota' })],
      requestsLeft: 0,
      nextRequestPossibleAt: new Date(Date.parse(firstAt) + partnersConfig.pairRequestQuota.windowSeconds * 1000).toISOString(),
    });
  });

  it("R-PD-04: an account manager (even assigned to the customer) and a non-staff account are refused (403); another partner's customer is not found (404)", async () => {
    const partner = await enrolledPartner();
    const other = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const manager = await staffMember(partner, 'account-manager', customer.accountId);
    expect((await partnerChecks(manager, customer.accountId)).status).toBe(403);
    expect((await partnerChecks(customer, customer.accountId)).status).toBe(403);
    const foreign = await partnerChecks(other.admin, customer.accountId);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect((await partnerChecks(partner.admin, 'ac_unknown')).status).toBe(404);
  });
});
