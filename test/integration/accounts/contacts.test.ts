import { afterEach, describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as serviceEmailHandler } from '../../../functions/accounts/changeServiceEmail.js';
import { handler as serviceMobileHandler } from '../../../functions/accounts/changeServiceMobile.js';
import { handler as paymentHandler } from '../../../functions/accounts/recordPaymentMethod.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { invoke } from '../../support/http.js';
import { bearer, signUp, uniqueEmail, uniqueMobile, verificationFor } from '../../support/identity.js';

afterEach(() => setClockOffset(0));

const changeMobile = (token: string, identity: object, newMobile: object) =>
  invoke(serviceMobileHandler, {
    method: 'PUT',
    path: '/v1/account/service-mobile',
    headers: bearer(token),
    body: { identity, newMobile },
  });

/** Both codes of a service-mobile change: identity by email, then the new number by SMS. */
async function mobileCodes(account: { token: string; email: string }, mobile: string) {
  const identity = await verificationFor('verify-identity', 'email', account.email, { token: account.token });
  const newMobile = await verificationFor('new-mobile', 'sms', mobile, { token: account.token, destination: mobile });
  return { identity, newMobile };
}

describe('service mobile and email', () => {
  it('R-SU-06 R-AI-08 binding a service mobile takes an identity code and a code to the new number', async () => {
    const account = await signUp();
    const mobile = uniqueMobile();
    const { identity, newMobile } = await mobileCodes(account, mobile);
    const res = await changeMobile(account.token, identity, newMobile);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const me = await invoke(getAccountHandler, {
      method: 'GET',
      path: '/v1/account',
      headers: bearer(account.token),
      query: { reveal: 'serviceMobile' },
    });
    expect(me.body.serviceMobile).toBe(mobile);
  });

  it('R-VC-05 R-AI-08 the two codes cannot stand in for each other', async () => {
    const account = await signUp();
    const mobile = uniqueMobile();
    const { identity, newMobile } = await mobileCodes(account, mobile);
    expect((await changeMobile(account.token, newMobile, identity)).status).toBe(401);
  });

  it('R-AI-08 R-AI-13 changing the service mobile tells the old number', async () => {
    const account = await signUp();
    const first = uniqueMobile();
    const codes1 = await mobileCodes(account, first);
    expect((await changeMobile(account.token, codes1.identity, codes1.newMobile)).status).toBe(200);
    setClockOffset(61_000);
    const second = uniqueMobile();
    const codes2 = await mobileCodes(account, second);
    expect((await changeMobile(account.token, codes2.identity, codes2.newMobile)).status).toBe(200);
    const [notice] = await listRecordedMessages(first, 1);
    expect(notice).toMatchObject({ channel: 'sms', kind: 'contact-changed' });
  });

  it('R-AI-08 R-SEC-02 two accounts binding the same number at once: exactly one gets it', async () => {
    const a = await signUp();
    const b = await signUp();
    const mobile = uniqueMobile();
    const codesA = await mobileCodes(a, mobile);
    setClockOffset(61_000);
    const codesB = await mobileCodes(b, mobile);
    const results = await Promise.all([
      changeMobile(a.token, codesA.identity, codesA.newMobile),
      changeMobile(b.token, codesB.identity, codesB.newMobile),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('MOBILE_TAKEN');
  });

  it('R-AI-09 the service email changes the same way and the old email hears of it (issue 9: now read back)', async () => {
    const account = await signUp();
    const email = uniqueEmail('service');
    const identity = await verificationFor('verify-identity', 'email', account.email, { token: account.token });
    const newEmail = await verificationFor('new-email', 'email', email, { token: account.token, destination: email });
    const res = await invoke(serviceEmailHandler, {
      method: 'PUT',
      path: '/v1/account/service-email',
      headers: bearer(account.token),
      body: { identity, newEmail },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const me = await invoke(getAccountHandler, {
      method: 'GET',
      path: '/v1/account',
      headers: bearer(account.token),
      query: { reveal: 'serviceEmail' },
    });
    expect(me.status).toBe(200);
    expect(me.body.serviceEmail).toBe(email);
    expect(me.body.email).not.toBe(email);
    const [notice] = await listRecordedMessages(account.email, 1);
    expect(notice).toMatchObject({ kind: 'contact-changed' });
  });
});

describe('payment method status', () => {
  const put = (accountId: string, body: object, key = 'test-operator-key') =>
    invoke(paymentHandler, {
      method: 'PUT',
      path: `/v1/ops/accounts/${accountId}/payment-method`,
      pathParameters: { accountId },
      body,
      headers: { 'x-operator-key': key },
    });

  it('R-SU-07 a failed binding is recorded with its reason and shown on the account', async () => {
    const account = await signUp();
    expect((await put(account.accountId, { status: 'failed', reason: 'card declined' })).status).toBe(200);
    const me = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) });
    expect(me.body.paymentMethod).toEqual({ status: 'failed', reason: 'card declined' });
  });

  it('R-SU-07 card data is never accepted; only operators may record; unknown accounts are 404', async () => {
    const account = await signUp();
    const card = await put(account.accountId, { status: 'bound', cardNumber: '4111111111111111' });
    expect(card.status).toBe(400);
    expect((await put(account.accountId, { status: 'bound' }, 'wrong-key')).status).toBe(401);
    expect((await put('ac_missing', { status: 'bound' })).status).toBe(404);
  });
});
