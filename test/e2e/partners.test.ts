import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { partnersConfig } from '../../lib/core/config.js';
import { E2E_PASSWORD, codeFor, emailVerification, messages, sendCode, signUpOverHttp, uniqueE2eEmail } from '../support/e2e.js';
import { call } from '../support/http.js';

const OPS = { 'x-operator-key': 'local-operator-key' };
let advanced = 0;
async function advance(seconds: number) {
  advanced += seconds;
  expect((await call('POST', '/local/clock', { body: { advanceSeconds: seconds } })).status).toBe(200);
}
afterAll(async () => {
  if (advanced) await call('POST', '/local/clock', { body: { advanceSeconds: -advanced } });
});

async function enrolledPartner() {
  const admin = await signUpOverHttp(uniqueE2eEmail('partner'));
  expect((await call('POST', '/v1/account/enable', { token: admin.token, body: { acceptAgreements: true } })).status).toBe(200);
  const enrolled = await call('POST', '/v1/ops/partners', {
    headers: OPS,
    body: { accountId: admin.accountId, name: 'Cloud Reseller GmbH' },
  });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  return { ...admin, partnerId: enrolled.body.partnerId as string };
}

/** Binds a service mobile (two codes), so SMS codes can reach the account. */
async function bindMobile(a: { email: string; token: string }) {
  const tag = randomBytes(5).toString('hex');
  const mobile = `+49151${String(Number.parseInt(tag, 16)).padStart(8, '0').slice(0, 8)}`;
  const identity = { challengeId: await sendCode({ purpose: 'verify-identity', channel: 'email' }, a.token), code: await codeFor(a.email) };
  const newMobile = {
    challengeId: await sendCode({ purpose: 'new-mobile', channel: 'sms', destination: mobile }, a.token),
    code: await codeFor(mobile),
  };
  expect((await call('PUT', '/v1/account/service-mobile', { token: a.token, body: { identity, newMobile } })).status).toBe(200);
  return mobile;
}

describe('partners over HTTP on the local stage', () => {
  it('R-PA-01 R-PA-04 R-PA-05 R-PA-06 R-PD-01 R-PD-03 R-PD-04 R-PD-07: enroll → invite → register-and-associate → frozen → budget → request by SMS → rejected → quota → partner request → agreed → records on both sides', async () => {
    const partner = await enrolledPartner();
    const invitation = await call('POST', '/v1/partner-center/invitations', { token: partner.token, body: { model: 'reseller' } });
    expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
    expect(invitation.body.url).toContain(invitation.body.token);

    // Register-and-associate (R-PA-01): the sign-up carries the invitation token.
    const email = uniqueE2eEmail('customer');
    const signUp = await call('POST', '/v1/accounts', {
      body: {
        countryRegion: 'DE',
        email,
        password: E2E_PASSWORD,
        verification: await emailVerification('signup', email, undefined, email),
        invitationToken: invitation.body.token,
        acceptInstructions: true,
      },
    });
    expect(signUp.status, JSON.stringify(signUp.body)).toBe(201);
    expect(signUp.body.partner).toMatchObject({ partnerId: partner.partnerId, model: 'reseller', frozen: true });
    const customer = { email, accountId: signUp.body.accountId as string, token: signUp.body.session.token as string };

    // Frozen (R-PA-04): purchasing refused with a clear problem; association time recorded (R-PA-05).
    const mine = await call('GET', '/v1/partner', { token: customer.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ partnerId: partner.partnerId, partnerName: 'Cloud Reseller GmbH', model: 'reseller', frozen: true });
    expect(mine.body.associatedAt).toBeTruthy();
    const refused = await call('POST', '/v1/account/purchase-authorizations', { token: customer.token, body: { operation: 'purchase' } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ACCOUNT_FROZEN');

    // The partner sets a monthly budget: unfrozen (R-PA-04), written to the customer's traces with the partner as actor (R-PA-06).
    const budget = await call('PUT', `/v1/partner-center/customers/${customer.accountId}/budget`, {
      token: partner.token,
      body: { monthlyBudget: 500, currency: 'EUR' },
    });
    expect(budget.status, JSON.stringify(budget.body)).toBe(200);
    expect(budget.body.frozen).toBe(false);
    expect(
      (await call('POST', '/v1/account/purchase-authorizations', { token: customer.token, body: { operation: 'purchase' } })).status,
    ).toBe(200);

    // The customer needs a currency and a mobile for the SMS code (R-PD-02 currency-not-set, R-PD-01).
    expect((await call('PUT', '/v1/account/preferences', { token: customer.token, body: { currency: 'EUR' } })).status).toBe(200);
    const mobile = await bindMobile(customer);
    const checks = await call('GET', '/v1/partner/disassociation-checks', { token: customer.token });
    expect(checks.status).toBe(200);
    expect(checks.body).toMatchObject({ passed: true, failures: [], requestsLeft: 1 });

    const smsCode = async () => ({
      challengeId: await sendCode({ purpose: 'partner-disassociation', channel: 'sms' }, customer.token),
      code: await codeFor(mobile),
    });
    const request = await call('POST', '/v1/partner/disassociation-requests', {
      token: customer.token,
      body: { confirm: true, verification: await smsCode() },
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    expect(request.body.status).toBe('pending');

    // The partner administrator rejects (R-PD-01, R-PD-04).
    const rejected = await call('POST', `/v1/partner-center/disassociation-requests/${request.body.requestId}/decision`, {
      token: partner.token,
      body: { agree: false },
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body.status).toBe('rejected');

    // A second customer request within 3 months: refused with request-quota and the date it becomes possible (R-PD-03).
    const after = await call('GET', '/v1/partner/disassociation-checks', { token: customer.token });
    expect(after.body.passed).toBe(false);
    expect(after.body.requestsLeft).toBe(0);
    expect(after.body.failures.map((f: { condition: string }) => f.condition)).toContain('request-quota');
    // Exactly the configured customer window (91 days) after the first request, as the stage's clock recorded it
    // (the request's entry in the customer's records).
    const requested = (await call('GET', '/v1/partner/records', { token: customer.token })).body.items.find(
      (i: { event: string; details?: { requestId?: string } }) =>
        i.event === 'disassociation-requested' && i.details?.requestId === request.body.requestId,
    );
    expect(requested, 'the request in the records').toBeDefined();
    expect(after.body.nextRequestPossibleAt).toBe(
      new Date(Date.parse(requested.time) + partnersConfig.customerRequestQuota.windowSeconds * 1000).toISOString(),
    );
    await advance(61); // the resend cooldown of the mobile's codes (R-VC)
    const again = await call('POST', '/v1/partner/disassociation-requests', {
      token: customer.token,
      body: { confirm: true, verification: await smsCode() },
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('QUOTA_EXCEEDED');
    expect(again.body.nextRequestPossibleAt).toBe(after.body.nextRequestPossibleAt);

    // The partner requests with a reason; the customer agrees (R-PD-04).
    const byPartner = await call('POST', `/v1/partner-center/customers/${customer.accountId}/disassociation-requests`, {
      token: partner.token,
      body: { reason: 'Contract ended' },
    });
    expect(byPartner.status, JSON.stringify(byPartner.body)).toBe(201);
    const pending = await call('GET', '/v1/partner', { token: customer.token });
    expect(pending.body.pendingRequest).toMatchObject({ requestId: byPartner.body.requestId, initiatedBy: 'partner' });
    const agreed = await call('POST', `/v1/partner/disassociation-requests/${byPartner.body.requestId}/decision`, {
      token: customer.token,
      body: { agree: true },
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.status).toBe('approved');
    expect((await call('GET', '/v1/partner', { token: customer.token })).status).toBe(404);

    // Records on both sides (R-PD-07), and both were told (R-PD-01).
    const customerRecords = await call('GET', '/v1/partner/records', { token: customer.token });
    expect(customerRecords.status).toBe(200);
    const customerEvents = customerRecords.body.items.map((i: { event: string }) => i.event);
    for (const e of [
      'associated',
      'frozen',
      'budget-set',
      'unfrozen',
      'disassociation-requested',
      'disassociation-rejected',
      'disassociated',
    ])
      expect(customerEvents).toContain(e);
    const partnerRecords = await call('GET', `/v1/partner-center/association-records?customerId=${customer.accountId}`, {
      token: partner.token,
    });
    expect(partnerRecords.status).toBe(200);
    expect(partnerRecords.body.items.map((i: { event: string }) => i.event)).toEqual(expect.arrayContaining(customerEvents));
    expect((await messages(customer.email)).length).toBeGreaterThan(0);
    expect((await messages(partner.email)).length).toBeGreaterThan(0);
  });
});
