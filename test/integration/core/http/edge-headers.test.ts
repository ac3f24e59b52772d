import { beforeAll, describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../../functions/accounts/getAccount.js';
import { handler as signUpHandler } from '../../../../functions/accounts/signUp.js';
import { handler as messagesHandler } from '../../../../functions/local/localListMessages.js';
import { handler as sendCodeHandler } from '../../../../functions/verification/sendVerificationCode.js';
import { type Handler, invoke } from '../../../support/http.js';
import { PASSWORD, bearer, freshIp, signUp, uniqueEmail, verificationFor } from '../../../support/identity.js';

let token = '';
let email = '';
beforeAll(async () => {
  ({ token, email } = await signUp());
});

describe('Cache-Control: no-store on answers with tokens, codes or revealed contact data (issue 9 item 5)', () => {
  const cases: Array<[string, Handler, () => Promise<Parameters<typeof invoke>[1]>, number]> = [
    [
      'sign-up (a session token)',
      signUpHandler,
      async () => {
        const address = uniqueEmail();
        const verification = await verificationFor('signup', 'email', address, { destination: address });
        return { method: 'POST', path: '/v1/accounts', body: { countryRegion: 'DE', email: address, password: PASSWORD, verification } };
      },
      201,
    ],
    [
      'GET /v1/account?reveal=email (revealed contact data)',
      getAccountHandler,
      async () => ({ method: 'GET', path: '/v1/account', query: { reveal: 'email' }, headers: bearer(token) }),
      200,
    ],
    ['GET /local/messages (codes)', messagesHandler, async () => ({ method: 'GET', path: '/local/messages', query: { to: email } }), 200],
    [
      'a code request (a challenge)',
      sendCodeHandler,
      async () => ({
        method: 'POST',
        path: '/v1/verification-codes',
        body: { purpose: 'signup', channel: 'email', destination: uniqueEmail() },
        sourceIp: freshIp(),
      }),
      202,
    ],
    ['a problem answer', getAccountHandler, async () => ({ method: 'GET', path: '/v1/account' }), 401],
    [
      'a 400 problem',
      sendCodeHandler,
      async () => ({ method: 'POST', path: '/v1/verification-codes', body: '{', headers: { 'content-type': 'application/json' } }),
      400,
    ],
  ];

  it.each(cases)('%s answers Cache-Control: no-store', async (_name, handler, input, status) => {
    const res = await invoke(handler, await input());
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('GET /v1/account?reveal=email really carries the revealed address', async () => {
    const res = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', query: { reveal: 'email' }, headers: bearer(token) });
    expect(JSON.stringify(res.body)).toContain(email);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('CORS allows only the configured origins (issue 9 item 4)', () => {
  it.each([
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['https://evil.example', undefined],
    ['http://localhost.evil.example:3000', undefined],
    ['null', undefined],
  ])('an Origin of %s gets Access-Control-Allow-Origin %s, on successes and problems', async (origin, allowed) => {
    for (const headers of [{ origin, ...bearer(token) }, { origin }]) {
      const res = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers });
      expect(res.headers['access-control-allow-origin']).toBe(allowed);
      expect(res.headers['access-control-allow-origin']).not.toBe('*');
    }
  });
});
