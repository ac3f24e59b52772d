/**
 * R-PD-09 (seed 004): the service-ticket path. An operator completes a customer's ticket carrying the partner's
 * consent email (from the partner's registered email — the administrator account's — with the template's subject
 * and body naming both accounts). Customer-side conditions of seed 004 apply; the quotas do not; a pending request
 * between the pair is canceled in the same transaction; the evidence is kept in the log; audited with the operator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { listLog } from '../../../lib/core/association-log/store.js';
import { clockOffset, nowIso, setClockOffset } from '../../../lib/core/clock.js';
import { partnersConfig } from '../../../lib/core/config.js';
import { associationFactsWrite, loadFacts } from '../../../lib/core/checks/store.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { transact } from '../../../lib/core/store/writes.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { loadCustomerPartner } from '../../../lib/partners/store.js';
import { putStanding } from '../../support/closure.js';
import { customerRequest, partnerDecides, readyCustomer, ticket, traces, uniqueTicket } from '../../support/disassociation.js';
import { type TestPartner, enrolledPartner } from '../../support/partners.js';

async function consent(partner: TestPartner, customerId: string, change: Record<string, string> = {}) {
  const admin = (await findAccount(partner.admin.accountId))!;
  const customer = (await findAccount(customerId))!;
  return {
    from: admin.email,
    to: customer.email,
    subject: `Approving HUAWEI CLOUD account ${customer.tenantName} to disassociate from partner account ${admin.tenantName}`,
    body: `HUAWEI CLOUD partner (account name: ${admin.tenantName}) agrees to cancel the association with the customer (account name: ${customer.tenantName}). As a HUAWEI CLOUD partner, we clearly know the impact of the disassociation and bear the possible consequences. We hereby authorize HUAWEI CLOUD to cancel the association with the customer (account name: ${customer.tenantName}).`,
    // Received now (test clock): after the association began (R-PD-09: an earlier consent is not about it).
    receivedAt: nowIso(),
    ...change,
  };
}

const DAY = 86_400_000;
afterEach(() => setClockOffset(0));

describe('service-ticket path (R-PD-09)', () => {
  it('R-PD-09: with the consent email the operator disassociates; the pending request is canceled; evidence in the log; audited with the operator; both told', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const pending = await customerRequest(customer);
    expect(pending.status).toBe(201);
    const ticketId = uniqueTicket();
    const email = await consent(partner, customer.accountId);
    const res = await ticket({ customerId: customer.accountId, ticketId, consentEmail: email });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      customerId: customer.accountId,
      partnerId: partner.partnerId,
      canceledRequestId: pending.body.requestId,
    });
    expect(await loadCustomerPartner(customer.accountId)).toBeUndefined();
    expect((await loadFacts(customer.accountId)).associations.partnerAssociated).toBe(false);
    expect((await loadHandshake(pending.body.requestId))!).toMatchObject({
      state: 'canceled',
      decidedBy: { role: 'operator', id: 'test' },
    });
    const log = (await listLog(partner.partnerId, { limit: 100 })).items;
    const done = log.find((e) => e.event === 'ticket-disassociated')!;
    expect(done).toMatchObject({ actor: { kind: 'operator', id: 'test' }, customerId: customer.accountId });
    expect(done.details).toMatchObject({ ticketId, operatorId: 'test', consentEmail: email });
    expect(log.map((e) => e.event)).toContain('disassociation-canceled');
    const trace = (await traces(customer.accountId)).find((t) => t.traceName === 'disassociatePartnerByTicket');
    expect(trace?.actor).toBe('operator:test');
    expect((await listRecordedMessages(customer.email, 1))[0]!.kind).toBe('partner-disassociated-by-ticket');
    expect((await listRecordedMessages(partner.admin.email, 1))[0]!.kind).toBe('partner-disassociated-by-ticket');
    // The canceled request can no longer be decided; a second ticket finds no association.
    expect((await partnerDecides(partner.admin, pending.body.requestId, { agree: true })).status).toBe(409);
    expect((await ticket({ customerId: customer.accountId, ticketId, consentEmail: email })).status).toBe(404);
  });

  it('R-PD-09 R-PD-06: the ticket is the way past the quotas: a customer with none left is disassociated', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const first = await customerRequest(customer);
    await partnerDecides(partner.admin, first.body.requestId, { agree: false });
    expect((await customerRequest(customer)).body.code).toBe('QUOTA_EXCEEDED');
    const res = await ticket({
      customerId: customer.accountId,
      ticketId: uniqueTicket(),
      consentEmail: await consent(partner, customer.accountId),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it.each([
    ['consent-sender', (e: Record<string, string>) => ({ from: `someone.else.${Date.now()}@example.com`, subject: e.subject! })],
    ['consent-subject', (e: Record<string, string>) => ({ subject: e.subject!.replace('Approving', 'Rejecting') })],
    [
      'consent-subject',
      (e: Record<string, string>) => ({ subject: e.subject!.replace(/partner account .*$/, 'partner account someone-else') }),
    ],
    ['consent-body', (e: Record<string, string>) => ({ body: e.body!.replace('agrees to cancel', 'refuses to cancel') })],
    // Seed 004 template: "Recipient: Email address of the associated customer" (conformance review finding 6).
    ['consent-recipient', () => ({ to: `someone.else.${Date.now()}@example.com` })],
    ['consent-received-at', () => ({ receivedAt: new Date(Date.parse(nowIso()) + DAY).toISOString() })],
  ] as const)('R-PD-09: evidence that does not qualify is refused (%s), nothing changes', async (condition, change) => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const email = await consent(partner, customer.accountId);
    const res = await ticket({ customerId: customer.accountId, ticketId: uniqueTicket(), consentEmail: { ...email, ...change(email) } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('NOT_ALLOWED');
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual([condition]);
    expect(await loadCustomerPartner(customer.accountId)).toBeDefined();
  });

  it("R-PD-09: a contact email shown to customers is not the partner's registered email", async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const email = await consent(partner, customer.accountId, { from: 'sales@partner.example.com' });
    const res = await ticket({ customerId: customer.accountId, ticketId: uniqueTicket(), consentEmail: email });
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['consent-sender']);
  });

  it.each([
    ['arrears', async (id: string) => putStanding(id, { overduePayments: true })],
    ['reserved-instances', async (id: string) => putStanding(id, { reservedInstances: true })],
    ['enterprise-associated', async (id: string) => transact([associationFactsWrite(id, { enterpriseAssociated: true })])],
  ] as const)('R-PD-09 (seed 004): a reseller customer with %s is refused on the ticket path too', async (condition, make) => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    await make(customer.accountId);
    const res = await ticket({
      customerId: customer.accountId,
      ticketId: uniqueTicket(),
      consentEmail: await consent(partner, customer.accountId),
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CHECK_FAILED');
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual([condition]);
  });

  it('R-PD-09: a customer without a partner is not found', async () => {
    const partner = await enrolledPartner();
    const res = await ticket({
      customerId: partner.admin.accountId,
      ticketId: uniqueTicket(),
      consentEmail: await consent(partner, partner.admin.accountId),
    });
    expect(res.status).toBe(404);
  });

  it('R-PD-09: a consent email received before the association began is refused (consent-predates-association), nothing changes', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    for (const before of [60_000, 400 * DAY]) {
      const receivedAt = new Date(Date.parse(customer.association.associatedAt) - before).toISOString();
      const res = await ticket({
        customerId: customer.accountId,
        ticketId: uniqueTicket(),
        consentEmail: await consent(partner, customer.accountId, { receivedAt }),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.failures.map((f: { condition: string }) => f.condition)).toContain('consent-predates-association');
    }
    expect(await loadCustomerPartner(customer.accountId)).toBeDefined();
  });

  it('R-PD-09: a consent email older than partnersConfig.ticketConsentMaxAgeSeconds (30 days default) is refused (consent-too-old)', async () => {
    expect(partnersConfig.ticketConsentMaxAgeSeconds).toBe(30 * 86_400);
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const receivedAt = new Date(Date.parse(customer.association.associatedAt) + 60_000).toISOString();
    setClockOffset(clockOffset() + 30 * DAY + 120_000);
    const old = await ticket({
      customerId: customer.accountId,
      ticketId: uniqueTicket(),
      consentEmail: await consent(partner, customer.accountId, { receivedAt }),
    });
    expect(old.status, JSON.stringify(old.body)).toBe(422);
    expect(old.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['consent-too-old']);
    expect(await loadCustomerPartner(customer.accountId)).toBeDefined();
    // A fresh consent (received now) still works.
    const fresh = await ticket({
      customerId: customer.accountId,
      ticketId: uniqueTicket(),
      consentEmail: await consent(partner, customer.accountId),
    });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
  });

  it('R-PD-09: a ticket ID is single-use: a second disassociation under the same ticket is a 409 STATE_CONFLICT, nothing changes', async () => {
    const partner = await enrolledPartner();
    const [first, second] = [await readyCustomer(partner), await readyCustomer(partner)];
    const ticketId = uniqueTicket();
    const done = await ticket({ customerId: first.accountId, ticketId, consentEmail: await consent(partner, first.accountId) });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const reused = await ticket({ customerId: second.accountId, ticketId, consentEmail: await consent(partner, second.accountId) });
    expect(reused.status, JSON.stringify(reused.body)).toBe(409);
    expect(reused.body.code).toBe('STATE_CONFLICT');
    expect(await loadCustomerPartner(second.accountId)).toBeDefined();
    expect((await listLog(second.accountId, { limit: 100 })).items.map((e) => e.event)).not.toContain('ticket-disassociated');
  });

  it('R-PD-09: parallel tickets under one ticket ID: exactly one disassociates', async () => {
    const partner = await enrolledPartner();
    const [a, b] = [await readyCustomer(partner), await readyCustomer(partner)];
    const ticketId = uniqueTicket();
    const results = await Promise.all(
      [a, b].map(async (c) => ticket({ customerId: c.accountId, ticketId, consentEmail: await consent(partner, c.accountId) })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
