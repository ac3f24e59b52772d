import { describe, expect, it } from 'vitest';
import { handler as enableHandler } from '../../../functions/accounts/enableServices.js';
import { handler as countryHandler } from '../../../functions/accounts/changeCountryRegion.js';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as securityPhoneHandler } from '../../../functions/accounts/setSecurityPhone.js';
import { handler as signUpHandler } from '../../../functions/accounts/signUp.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, signUp, uniqueEmail, uniqueMobile, verificationFor } from '../../support/identity.js';

const signUpWith = (body: Record<string, unknown>) => invoke(signUpHandler, { method: 'POST', path: '/v1/accounts', body });

describe('sign-up', () => {
  it('R-SU-01 sign-up with country/region, email, email code and password answers 201 with a working session', async () => {
    const { token, accountId, email } = await signUp();
    const me = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ accountId, status: 'registered', countryRegion: 'DE', accountType: 'unset', passwordSet: true });
    expect(me.body.email).not.toBe(email);
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('R-SU-02 R-SU-03 every bad field is listed in one 400', async () => {
    const res = await signUpWith({
      countryRegion: 'DE',
      email: 'first+tag@example.com',
      password: 'password',
      verification: { challengeId: 'ch_x', code: '123456' },
    });
    expect(res.status).toBe(400);
    expect(new Set(res.body.errors.map((e: { path: string }) => e.path))).toEqual(new Set(['body.email', 'body.password']));
  });

  it.each([
    ['a!b@example.com', 'forbidden character !'],
    ['a#b@example.com', 'forbidden character #'],
    ['a$b@example.com', 'forbidden character $'],
    ['not-an-email', 'no @'],
  ])('R-SU-02 the email %s is refused (%s)', async (email) => {
    const res = await signUpWith({ countryRegion: 'DE', email, password: PASSWORD, verification: { challengeId: 'ch_x', code: '123456' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.email');
  });

  it('R-SU-02 R-SEC-03 a taken email answers 409 EMAIL_TAKEN only after its code proved ownership', async () => {
    const { email } = await signUp();
    const wrongCode = await signUpWith({
      countryRegion: 'DE',
      email,
      password: PASSWORD,
      verification: { challengeId: 'ch_nope', code: '123456' },
    });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.code).toBe('INVALID_CODE');
    setClockOffset(61_000);
    const verification = await verificationFor('signup', 'email', email, { destination: email.toUpperCase() });
    const res = await signUpWith({ countryRegion: 'DE', email: email.toUpperCase(), password: PASSWORD, verification });
    setClockOffset(0);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it('R-SU-02 R-SEC-02 two parallel sign-ups with the same email: exactly one account', async () => {
    const email = uniqueEmail();
    const v1 = await verificationFor('signup', 'email', email, { destination: email });
    setClockOffset(61_000);
    const v2 = await verificationFor('signup', 'email', email, { destination: email });
    setClockOffset(0);
    const results = await Promise.all(
      [v1, v2].map((verification) => signUpWith({ countryRegion: 'DE', email, password: PASSWORD, verification })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('R-SU-03 a password that is on the common list, too long, or has spaces is refused', async () => {
    for (const password of ['Password123', `a1${'x'.repeat(127)}`, 'has space 123']) {
      const res = await signUpWith({
        countryRegion: 'DE',
        email: uniqueEmail(),
        password,
        verification: { challengeId: 'c', code: '123456' },
      });
      expect(res.status, password).toBe(400);
    }
  });

  it('R-SU-04 a security phone is set with an SMS code sent to it; a code for another number does not work', async () => {
    const { token } = await signUp();
    const mobile = uniqueMobile();
    const other = uniqueMobile();
    const wrong = await verificationFor('security-phone', 'sms', other, { token, destination: other });
    const refused = await invoke(securityPhoneHandler, {
      method: 'PUT',
      path: '/v1/account/security-phone',
      headers: bearer(token),
      body: { mobile, verification: wrong },
    });
    expect(refused.status).toBe(401);
    const verification = await verificationFor('security-phone', 'sms', mobile, { token, destination: mobile });
    const res = await invoke(securityPhoneHandler, {
      method: 'PUT',
      path: '/v1/account/security-phone',
      headers: bearer(token),
      body: { mobile, verification },
    });
    expect(res.status).toBe(200);
    const me = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token), query: { reveal: 'mobile' } });
    expect(me.body.mobile).toBe(mobile);
  });
});

describe('enabling cloud services', () => {
  it('R-SU-05 agreements must be accepted', async () => {
    const { token } = await signUp();
    const res = await invoke(enableHandler, {
      method: 'POST',
      path: '/v1/account/enable',
      headers: bearer(token),
      body: { acceptAgreements: false },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('body.acceptAgreements');
  });

  it('R-SU-05 R-AI-12 the country/region changes until services are enabled, never after', async () => {
    const { token } = await signUp();
    const put = (countryRegion: string) =>
      invoke(countryHandler, { method: 'PUT', path: '/v1/account/country-region', headers: bearer(token), body: { countryRegion } });
    expect((await put('FR')).status).toBe(200);
    const enabled = await invoke(enableHandler, {
      method: 'POST',
      path: '/v1/account/enable',
      headers: bearer(token),
      body: { acceptAgreements: true, countryRegion: 'NL' },
    });
    expect(enabled.status).toBe(200);
    expect(enabled.body.status).toBe('active');
    const after = await put('IT');
    expect(after.status).toBe(422);
    expect(after.body.code).toBe('NOT_ALLOWED');
    const again = await invoke(enableHandler, {
      method: 'POST',
      path: '/v1/account/enable',
      headers: bearer(token),
      body: { acceptAgreements: true, countryRegion: 'IT' },
    });
    expect(again.status).toBe(409);
    const me = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) });
    expect(me.body.countryRegion).toBe('NL');
  });
});

describe('account view', () => {
  it('R-AI-01 contact data is masked unless revealed', async () => {
    const { token, email } = await signUp();
    const masked = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) });
    expect(masked.body.email).toMatch(/^[a-z.]{1,3}\*+@example\.com$/);
    const shown = await invoke(getAccountHandler, {
      method: 'GET',
      path: '/v1/account',
      headers: bearer(token),
      query: { reveal: 'email' },
    });
    expect(shown.body.email).toBe(email);
  });

  it("R-SEC-05 a session reads only its own account: another account's ID cannot be asked for and never appears (issue 9)", async () => {
    const [owner, other] = await Promise.all([signUp(), signUp()]);
    const own = await invoke(getAccountHandler, {
      method: 'GET',
      path: '/v1/account',
      headers: bearer(other.token),
      query: { reveal: 'email' },
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ accountId: other.accountId, email: other.email });
    // Naming the owner's account anywhere in the request gets nothing of it.
    for (const query of [{ accountId: owner.accountId }, { reveal: 'email', accountId: owner.accountId }] as Array<
      Record<string, string>
    >) {
      const res = await invoke(getAccountHandler, {
        method: 'GET',
        path: '/v1/account',
        headers: { ...bearer(other.token), 'x-account-id': owner.accountId },
        query,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain(owner.email);
    }
    const viaHeader = await invoke(getAccountHandler, {
      method: 'GET',
      path: '/v1/account',
      headers: { ...bearer(other.token), 'x-account-id': owner.accountId },
      query: { reveal: 'email' },
    });
    expect(viaHeader.body.accountId).toBe(other.accountId);
    expect(JSON.stringify(viaHeader.body)).not.toContain(owner.email);
    expect(JSON.stringify(viaHeader.body)).not.toContain(owner.accountId);
  });
});
