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
import { customerQuotaScope, pairQuotaScope, pendingDisassociation } from '../../../lib/partners/disassociation-store.js';
import { readQuotaWindows } from '../../../lib/core/quota/store.js';
import { partnersConfig } from '../../../lib/core/config.js';
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
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { enrolledPartner } from '../../support/partners.js';
import { handler as requestHandler } from '../../../functions/partners/requestDisassociation.js';
import { handler as myRecordsHandler } from '../../../functions/partners/listMyPartnerRecords.js';
import { listLog } from '../../../lib/core/association-log/store.js';

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

describe('customer checks and request refusals (R-PD-01, R-PD-02)', () => {
  it('R-PD-02: facts from the standing, the association facts and the account itself fail the checks, each named with what to do', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner, { currency: false });
    await putStanding(customer.accountId, { overduePayments: true, reservedInstances: true });
    await transact([associationFactsWrite(customer.accountId, { enterpriseAssociated: true, masterWithIndependentMembers: true })]);
    const res = await checks(customer);
    expect(res.status).toBe(200);
    expect(res.body.passed).toBe(false);
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual([
      'enterprise-associated',
      'independent-members',
      'arrears',
      'reserved-instances',
      'currency-not-set',
    ]);
    expect(res.body.requestsLeft).toBe(1);
    // The request re-checks: refused with the same failures, nothing written.
    const refused = await customerRequest(customer);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CHECK_FAILED');
    expect(refused.body.failures).toHaveLength(5);
    expect(await pendingDisassociation(customer.accountId)).toBeUndefined();
    expect((await checks(customer)).body.requestsLeft).toBe(1);
  });

  it('R-PD-01: a referral customer does not request from My Partner (not-reseller); its partner may', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner, { model: 'referral' });
    expect((await checks(customer)).body.failures.map((f: { condition: string }) => f.condition)).toEqual(['not-reseller']);
    const refused = await customerRequest(customer);
    expect(refused.status).toBe(422);
    expect(refused.body.failures[0].condition).toBe('not-reseller');
    expect((await partnerRequest(partner.admin, customer.accountId)).status).toBe(201);
  });

  it('R-PD-01: the code must be a partner-disassociation code sent by SMS; an email code or another purpose is refused', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const byEmail = await verificationFor('partner-disassociation', 'email', customer.email, { token: customer.token });
    expect((await customerRequest(customer, byEmail)).status).toBe(401);
    const otherPurpose = await verificationFor('verify-identity', 'sms', customer.mobile, { token: customer.token });
    expect((await customerRequest(customer, otherPurpose)).status).toBe(401);
    expect(await pendingDisassociation(customer.accountId)).toBeUndefined();
    expect((await customerRequest(customer)).status).toBe(201);
  });

  it('R-PD-01: an account without a partner has no checks and no request (404)', async () => {
    const partner = await enrolledPartner();
    expect((await checks(partner.admin)).status).toBe(404);
  });
});

describe('decisions (R-PD-01, R-PD-04)', () => {
  it('R-PD-01: the partner rejects; both sides are told; the association continues; the second customer request is refused with request-quota and the date (R-PD-03)', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const first = await customerRequest(customer);
    const requestedAt = (await loadHandshake(first.body.requestId))!.createdAt;
    const decided = await partnerDecides(partner.admin, first.body.requestId, { agree: false });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toEqual({ status: 'rejected' });
    expect((await loadHandshake(first.body.requestId))!.state).toBe('rejected');
    expect(await loadCustomerPartner(customer.accountId)).toBeDefined();
    expect((await listRecordedMessages(customer.email, 1))[0]).toMatchObject({ kind: 'partner-disassociation-result' });
    expect((await listRecordedMessages(customer.email, 1))[0]!.body).toMatch(/rejected/);
    expect((await listRecordedMessages(partner.admin.email, 1))[0]).toMatchObject({ kind: 'partner-disassociation-result' });
    expect(await logEvents(customer.accountId)).toEqual(['associated', 'frozen', 'disassociation-requested', 'disassociation-rejected']);

    const next = new Date(Date.parse(requestedAt) + 91 * DAY).toISOString();
    const visible = await checks(customer);
    expect(visible.body).toMatchObject({ passed: false, requestsLeft: 0, nextRequestPossibleAt: next });
    expect(visible.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['request-quota']);
    const second = await customerRequest(customer);
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({ code: 'QUOTA_EXCEEDED', requestsLeft: 0, nextRequestPossibleAt: next });
    expect(second.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['request-quota']);
  });

  it('R-PD-01: the partner agrees: disassociated in the same transaction, facts cleared, both sides told, records on both sides (R-PD-07)', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const { body } = await customerRequest(customer);
    const decided = await partnerDecides(partner.admin, body.requestId, { agree: true });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toEqual({ status: 'approved' });
    expect(await loadCustomerPartner(customer.accountId)).toBeUndefined();
    expect((await loadFacts(customer.accountId)).associations).toMatchObject({ partnerAssociated: false, partnerFrozen: false });
    expect((await loadHandshake(body.requestId))!.state).toBe('accepted');
    for (const view of [customer.accountId, partner.partnerId]) {
      expect((await logEvents(view)).slice(-3)).toEqual(['disassociation-requested', 'disassociation-agreed', 'disassociated']);
    }
    const decisionTrace = (await traces(customer.accountId)).find((t) => t.traceName === 'decidePartnerDisassociation');
    expect(decisionTrace?.actor).toBe(`partner:${partner.partnerId}:${partner.admin.accountId}`);
    expect((await listRecordedMessages(customer.email, 1))[0]!.body).toMatch(/approved/);
    expect((await listRecordedMessages(partner.admin.email, 1))[0]!.kind).toBe('partner-disassociation-result');
    // Deciding again: the request is no longer pending.
    expect((await partnerDecides(partner.admin, body.requestId, { agree: true })).status).toBe(409);
  });

  it('R-PD-04: the partner requests with a reason; the customer processes it (agree → disassociated), audited with the partner as actor (R-PA-06)', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const res = await partnerRequest(partner.admin, customer.accountId, { reason: 'We stop reselling in this region' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const request = (await loadHandshake(res.body.requestId))!;
    expect(request).toMatchObject({
      initiator: { id: partner.partnerId, role: 'partner' },
      payload: { reason: 'We stop reselling in this region' },
    });
    const told = (await listRecordedMessages(customer.email, 1))[0]!;
    expect(told.kind).toBe('partner-disassociation-requested');
    expect(told.body).toMatch(/We stop reselling in this region/);
    const trace = (await traces(customer.accountId)).find((t) => t.traceName === 'requestPartnerDisassociation');
    expect(trace?.actor).toBe(`partner:${partner.partnerId}:${partner.admin.accountId}`);
    // The partner does not decide its own request; the customer does.
    const own = await partnerDecides(partner.admin, res.body.requestId, { agree: true });
    expect(own.status).toBe(422);
    expect(own.body.failures[0].condition).toBe('own-request');
    const agreed = await customerDecides(customer, res.body.requestId, true);
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body).toEqual({ status: 'approved' });
    expect(await loadCustomerPartner(customer.accountId)).toBeUndefined();
    expect((await listRecordedMessages(partner.admin.email, 1))[0]!.body).toMatch(/approved/);
  });

  it('R-PD-04: the customer rejects a partner request; a customer never decides its own request (own-request)', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const byPartner = await partnerRequest(partner.admin, customer.accountId);
    expect((await customerDecides(customer, byPartner.body.requestId, false)).body).toEqual({ status: 'rejected' });
    expect(await loadCustomerPartner(customer.accountId)).toBeDefined();
    const own = await customerRequest(customer);
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const refused = await customerDecides(customer, own.body.requestId, true);
    expect(refused.status).toBe(422);
    expect(refused.body.failures[0].condition).toBe('own-request');
  });

  it('R-PD-01: agreeing judges the initiator side again: a customer in arrears since its request is not disassociated (422), the request stays pending', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const { body } = await customerRequest(customer);
    await putStanding(customer.accountId, { overduePayments: true });
    const refused = await partnerDecides(partner.admin, body.requestId, { agree: true });
    expect(refused.status).toBe(422);
    expect(refused.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['arrears']);
    expect((await loadHandshake(body.requestId))!.state).toBe('pending');
    expect((await partnerDecides(partner.admin, body.requestId, { agree: false })).body).toEqual({ status: 'rejected' });
  });
});

describe('partner-side checks (R-PD-05)', () => {
  it.each([
    ['manually-frozen', { manuallyFrozen: true }],
    ['reserved-instances', { reservedInstances: true }],
    ['partner-support-plan', { partnerSupportPlan: true }],
    ['service-support-plan', { serviceSupportPlan: true }],
  ] as const)('R-PD-05: %s alone refuses the partner request (CHECK_FAILED naming it)', async (condition, standing) => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    await putStanding(customer.accountId, standing);
    const res = await partnerRequest(partner.admin, customer.accountId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CHECK_FAILED');
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual([condition]);
  });

  it.each([
    ['independent-members', { masterWithIndependentMembers: true }],
    ['unified-members-service-support', { unifiedMembersServiceSupport: true }],
  ] as const)('R-PD-05: the enterprise fact %s alone refuses the partner request', async (condition, fact) => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    await transact([associationFactsWrite(customer.accountId, fact)]);
    const res = await partnerRequest(partner.admin, customer.accountId);
    expect(res.status).toBe(422);
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual([condition]);
  });

  it('R-PD-05: customer-only conditions (currency, arrears) do not stop the partner', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner, { currency: false });
    await putStanding(customer.accountId, { overduePayments: true, specialContract: true });
    expect((await partnerRequest(partner.admin, customer.accountId)).status).toBe(201);
  });
});

describe('BOLA and roles (R-PD-04, R-SEC-05)', () => {
  it('R-PD-04: another partner can neither request on a customer that is not its own nor decide its requests (404)', async () => {
    const partner = await enrolledPartner();
    const other = await enrolledPartner();
    const customer = await readyCustomer(partner);
    expect((await partnerRequest(other.admin, customer.accountId)).status).toBe(404);
    const { body } = await customerRequest(customer);
    const foreign = await partnerDecides(other.admin, body.requestId, { agree: true });
    expect(foreign.status).toBe(404);
    expect((await partnerDecides(other.admin, 'dr_nope', { agree: true })).status).toBe(404);
    expect((await loadHandshake(body.requestId))!.state).toBe('pending');
    // Another customer cannot decide it either.
    const stranger = await readyCustomer(other);
    expect((await customerDecides(stranger, body.requestId, true)).status).toBe(404);
  });

  it('R-PD-04: an account manager (even assigned to the customer) may neither request nor decide (403); a non-staff account neither (403)', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const manager = await staffMember(partner, 'account-manager', customer.accountId);
    const asManager = await partnerRequest(manager, customer.accountId);
    expect(asManager.status).toBe(403);
    const { body } = await customerRequest(customer);
    expect((await partnerDecides(manager, body.requestId, { agree: true })).status).toBe(403);
    expect((await settings(manager, { verificationProtection: false })).status).toBe(403);
    expect((await partnerRequest(customer, customer.accountId)).status).toBe(403);
    expect((await partnerDecides(customer, body.requestId, { agree: true })).status).toBe(403);
    expect((await loadHandshake(body.requestId))!.state).toBe('pending');
  });
});

describe('verification protection (R-PD-08)', () => {
  it('R-PD-08: with protection on, requesting and deciding need a partner-operation code of the administrator; turning it off needs one too', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    expect((await settings(partner.admin, { verificationProtection: true })).body).toEqual({ verificationProtection: true });

    const missing = await partnerRequest(partner.admin, customer.accountId);
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['verification']);
    const wrongPurpose = await verificationFor('verify-identity', 'email', partner.admin.email, { token: partner.admin.token });
    expect((await partnerRequest(partner.admin, customer.accountId, { reason: 'r', verification: wrongPurpose })).status).toBe(401);
    const ok = await partnerRequest(partner.admin, customer.accountId, { reason: 'r', verification: await operationCode(partner.admin) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await customerDecides(customer, ok.body.requestId, false)).status).toBe(200);

    const second = await readyCustomer(partner);
    const { body } = await customerRequest(second);
    expect((await partnerDecides(partner.admin, body.requestId, { agree: false })).status).toBe(400);
    const decided = await partnerDecides(partner.admin, body.requestId, { agree: false, verification: await operationCode(partner.admin) });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    expect((await settings(partner.admin, { verificationProtection: false })).status).toBe(400);
    const off = await settings(partner.admin, { verificationProtection: false, verification: await operationCode(partner.admin) });
    expect(off.status).toBe(200);
    const third = await readyCustomer(partner);
    expect((await partnerRequest(partner.admin, third.accountId)).status).toBe(201);
    expect((await traces(partner.admin.accountId)).filter((t) => t.traceName === 'setPartnerSettings')).toHaveLength(2);
  });

  it('R-PD-08: without protection no code is needed', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    expect((await partnerRequest(partner.admin, customer.accountId)).status).toBe(201);
  });
});

/** The uses the pair's quota window holds (R-PD-06). */
async function quotaUses(customer: { accountId: string }, partner: { partnerId: string }): Promise<number> {
  const [pair] = await readQuotaWindows([
    { scope: pairQuotaScope(partner.partnerId, customer.accountId), limit: partnersConfig.pairRequestQuota },
  ]);
  return pair!.uses.length;
}

describe('quota races on DynamoDB Local (R-PD-03, R-PD-06)', () => {
  it('R-PD-03: 2 parallel customer requests → exactly 1 succeeds and the quota is used once; once decided, a third is refused with request-quota', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const codes = [await smsCode(customer), await smsCode(customer)];
    const results = await Promise.all(codes.map((code) => customerRequest(customer, code)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    // The loser is refused by what it lost to, both written by the winner's one transaction: the customer's quota
    // (QUOTA_EXCEEDED) or the open request (CHECK_FAILED, request-pending); a re-read may see either first.
    const loser = results.find((r) => r.status === 422)!;
    const lostTo = loser.body.failures.map((f: { condition: string }) => f.condition);
    expect(lostTo.includes('request-quota') || lostTo.includes('request-pending'), JSON.stringify(loser.body)).toBe(true);
    const [own] = await readQuotaWindows([{ scope: customerQuotaScope(customer.accountId), limit: partnersConfig.customerRequestQuota }]);
    expect(own!.uses).toHaveLength(1);
    const winner = results.find((r) => r.status === 201)!;
    expect((await partnerDecides(partner.admin, winner.body.requestId, { agree: false })).status).toBe(200);
    const third = await customerRequest(customer, await smsCode(customer));
    expect(third.status).toBe(422);
    expect(third.body.code).toBe('QUOTA_EXCEEDED');
    expect(third.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['request-quota']);
  });

  it('R-PD-06: with 2 of 3 pair requests used and none open, a customer request and a partner request race → exactly 1 (the quota is used once); then none is left for either side until 91 days after the first', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const firstAt: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const res = await partnerRequest(partner.admin, customer.accountId);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      firstAt.push((await loadHandshake(res.body.requestId))!.createdAt);
      expect((await customerDecides(customer, res.body.requestId, false)).status).toBe(200);
    }
    // Nothing open, the customer's own quota untouched (1 of 1 left), the pair's 1 of 3 left. The loser of the race is
    // refused by what it lost to: the pair quota (QUOTA_EXCEEDED) or the winner's open request (CHECK_FAILED,
    // request-pending) — both are written in the winner's one transaction, and a re-read may see either first. That
    // the pair quota alone refuses is proven below (sequentially) and by the quota store's race contract test.
    expect((await checks(customer)).body).toEqual({ passed: true, failures: [], requestsLeft: 1 });
    const code = await smsCode(customer);
    const results = await Promise.all([customerRequest(customer, code), partnerRequest(partner.admin, customer.accountId)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const loser = results.find((r) => r.status === 422)!;
    expect(['QUOTA_EXCEEDED', 'CHECK_FAILED'], JSON.stringify(loser.body)).toContain(loser.body.code);
    const lostTo = loser.body.failures.map((f: { condition: string }) => f.condition);
    expect(lostTo.includes('request-quota') || lostTo.includes('request-pending'), JSON.stringify(lostTo)).toBe(true);
    expect(await quotaUses(customer, partner)).toBe(3);
    const winner = results.find((r) => r.status === 201)!;
    const won = (await loadHandshake(winner.body.requestId))!;
    const decide =
      won.initiator.role === 'customer'
        ? partnerDecides(partner.admin, winner.body.requestId, { agree: false })
        : customerDecides(customer, winner.body.requestId, false);
    expect((await decide).status).toBe(200);
    // Three used by the pair: neither side may request; both see when the next is possible.
    const next = new Date(Date.parse(firstAt[0]!) + 91 * DAY).toISOString();
    const byPartner = await partnerRequest(partner.admin, customer.accountId);
    expect(byPartner.status).toBe(422);
    expect(byPartner.body).toMatchObject({ code: 'QUOTA_EXCEEDED', requestsLeft: 0, nextRequestPossibleAt: next });
    // The customer sees the later of the pair's date and — when the winner was its own request — its own (R-PD-03).
    const own = new Date(Date.parse(won.createdAt) + 91 * DAY).toISOString();
    const customerNext = won.initiator.role === 'customer' ? own : next;
    expect((await checks(customer)).body).toMatchObject({ requestsLeft: 0, nextRequestPossibleAt: customerNext });
  });
});

describe('retries (R-SEC-04, R-PD-03)', () => {
  it('R-PD-03: a retried customer request with the same Idempotency-Key answers the first request and uses the quota once', async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const body = { confirm: true, verification: await smsCode(customer) };
    const send = () =>
      invoke(requestHandler, {
        method: 'POST',
        path: '/v1/partner/disassociation-requests',
        headers: { ...bearer(customer.token), 'idempotency-key': `retry-${customer.accountId}` },
        body,
      });
    const first = await send();
    const again = await send();
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.requestId).toBe(first.body.requestId);
    expect(await logEvents(customer.accountId)).toEqual(['associated', 'frozen', 'disassociation-requested']);
  });
});

describe('the partner actor of disassociation records (R-PD-07, R-PA-06)', () => {
  it("R-PD-07: a partner's disassociation request and decision are logged with the partner actor <partnerId>:<staffAccountId>; the customer sees the partner", async () => {
    const partner = await enrolledPartner();
    const [byPartner, byCustomer] = [await readyCustomer(partner), await readyCustomer(partner)];
    expect((await partnerRequest(partner.admin, byPartner.accountId)).status).toBe(201);
    const opened = await customerRequest(byCustomer);
    expect((await partnerDecides(partner.admin, opened.body.requestId, { agree: false })).status).toBe(200);
    const staffActor = { kind: 'partner', id: `${partner.partnerId}:${partner.admin.accountId}` };
    const partnerEntries = (await listLog(partner.partnerId, { limit: 100 })).items.filter((e) => e.actor.kind === 'partner');
    expect(partnerEntries.map((e) => [e.event, e.customerId])).toEqual(
      expect.arrayContaining([
        ['disassociation-requested', byPartner.accountId],
        ['disassociation-rejected', byCustomer.accountId],
      ]),
    );
    for (const e of partnerEntries) expect(e.actor, e.event).toEqual(staffActor);
    const seen = await invoke(myRecordsHandler, { method: 'GET', path: '/v1/partner/records', headers: bearer(byPartner.token) });
    const requested = seen.body.items.find((i: { event: string }) => i.event === 'disassociation-requested');
    expect(requested.actor).toEqual({ kind: 'partner', id: partner.partnerId });
    const trace = (await traces(byPartner.accountId)).find((t) => t.traceName === 'requestPartnerDisassociation');
    expect(trace?.actor).toBe(`partner:${partner.partnerId}:${partner.admin.accountId}`);
  });
});
