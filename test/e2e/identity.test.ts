import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { E2E_PASSWORD, codeFor } from '../support/e2e.js';
import { call } from '../support/http.js';

describe('identity over HTTP on the local stage', () => {
  it('R-SU-01 R-SU-04 R-SU-05 R-LI-02 R-LI-03 sign up → enable → log out → log in with an SMS code → a trusted device skips the code', async () => {
    const tag = randomBytes(5).toString('hex');
    const email = `e2e.${tag}@example.com`;
    const mobile = `+4917${String(parseInt(tag, 16)).padStart(9, '0').slice(0, 9)}`;
    const password = E2E_PASSWORD;

    const sent = await call('POST', '/v1/verification-codes', { body: { purpose: 'signup', channel: 'email', destination: email } });
    expect(sent.status).toBe(202);
    const signUp = await call('POST', '/v1/accounts', {
      body: { countryRegion: 'DE', email, password, verification: { challengeId: sent.body.challengeId, code: await codeFor(email) } },
    });
    expect(signUp.status).toBe(201);
    let token = signUp.body.session.token as string;

    const phoneCode = await call('POST', '/v1/verification-codes', {
      token,
      body: { purpose: 'security-phone', channel: 'sms', destination: mobile },
    });
    expect(phoneCode.status).toBe(202);
    const phone = await call('PUT', '/v1/account/security-phone', {
      token,
      body: { mobile, verification: { challengeId: phoneCode.body.challengeId, code: await codeFor(mobile) } },
    });
    expect(phone.status).toBe(200);

    const enabled = await call('POST', '/v1/account/enable', { token, body: { acceptAgreements: true } });
    expect(enabled.status).toBe(200);
    expect(enabled.body.status).toBe('active');

    expect((await call('DELETE', '/v1/sessions/current', { token })).status).toBe(204);
    expect((await call('GET', '/v1/account', { token })).status).toBe(401);

    const started = await call('POST', '/v1/sessions', { body: { identifier: email, password } });
    expect(started.status).toBe(200);
    const { challengeId } = started.body;
    const smsSent = await call('POST', `/v1/sessions/challenges/${challengeId}/code`, { body: { channel: 'sms' } });
    expect(smsSent.status).toBe(202);
    const verified = await call('POST', `/v1/sessions/challenges/${challengeId}/verify`, {
      body: { code: await codeFor(mobile), trustDevice: true },
    });
    expect(verified.status).toBe(201);
    token = verified.body.token;
    const me = await call('GET', '/v1/account', { token });
    expect(me.status).toBe(200);
    expect(me.body.status).toBe('active');

    const trusted = await call('POST', '/v1/sessions', { body: { identifier: mobile, password, deviceToken: verified.body.deviceToken } });
    expect(trusted.status).toBe(201);
    expect((await call('GET', '/v1/account', { token: trusted.body.token })).status).toBe(200);
  });
});
