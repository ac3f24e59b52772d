import { afterAll, describe, expect, it } from 'vitest';
import { E2E_PASSWORD, codeFor, emailVerification, messages, signUpOverHttp, uniqueE2eEmail } from '../support/e2e.js';
import { call } from '../support/http.js';

const OPS = { 'x-operator-key': 'local-operator-key' };
const HOUR = 3600;
const DAY = 24 * HOUR;
let advanced = 0;

async function advance(seconds: number) {
  advanced += seconds;
  expect((await call('POST', '/local/clock', { body: { advanceSeconds: seconds } })).status).toBe(200);
}
afterAll(async () => {
  await call('POST', '/local/clock', { body: { advanceSeconds: -advanced } });
});

const signUp = (email?: string) => signUpOverHttp(email ?? uniqueE2eEmail('close'));

async function activeAccount() {
  const account = await signUp();
  expect((await call('POST', '/v1/account/enable', { token: account.token, body: { acceptAgreements: true } })).status).toBe(200);
  return account;
}
async function login(email: string) {
  const started = await call('POST', '/v1/sessions', { body: { identifier: email, password: E2E_PASSWORD } });
  if (started.status !== 200) return started;
  const { challengeId } = started.body;
  expect((await call('POST', `/v1/sessions/challenges/${challengeId}/code`, { body: { channel: 'email' } })).status).toBe(202);
  return call('POST', `/v1/sessions/challenges/${challengeId}/verify`, { body: { code: await codeFor(email) } });
}
const standing = (accountId: string, body: object) => call('PUT', `/v1/ops/accounts/${accountId}/standing`, { headers: OPS, body });
async function check(a: { email: string; token: string }) {
  return call('POST', '/v1/closure/checks', {
    token: a.token,
    body: { acceptTerms: true, reason: 'no-longer-needed', verification: await emailVerification('close-services', a.email, a.token) },
  });
}
async function closeNow(a: { email: string; token: string }) {
  const c = await check(a);
  expect(c.body.passed).toBe(true);
  const closed = await call('POST', '/v1/closure', { token: a.token, body: { checkId: c.body.checkId } });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
}

describe('closure over HTTP on the local stage (test clock)', () => {
  it('R-CL-03 R-CL-04 arrears fail the check, and the notice lists them', async () => {
    const a = await activeAccount();
    expect((await standing(a.accountId, { overduePayments: true })).status).toBe(200);
    const res = await check(a);
    expect(res.body.passed).toBe(false);
    const notice = (await messages(a.email)).find((m) => m.kind === 'closure-check-failed');
    expect(notice?.body).toContain('overdue-payments');
  });

  it('R-CL-06 R-CL-07 clean standing → close → restore at +1 h refused → at +25 h restore works', async () => {
    const a = await activeAccount();
    expect((await standing(a.accountId, {})).status).toBe(200);
    await closeNow(a);
    await advance(HOUR);
    const early = await call('POST', '/v1/closure/restore', { token: a.token });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('TOO_EARLY');
    await advance(24 * HOUR);
    const token = (await login(a.email)).body.token;
    const restored = await call('POST', '/v1/closure/restore', { token });
    expect(restored.status).toBe(200);
    expect((await call('GET', '/v1/closure', { token })).body.status).toBe('active');
  });

  it('R-CL-08 R-CL-11 R-CL-13 R-LI-06 R-CL-14 close → disable with a code → login answers SERVICES_DISABLED → the HUAWEI ID is deleted with password and code (issue 9 item 16)', async () => {
    const a = await activeAccount();
    await closeNow(a);
    await advance(25 * HOUR);
    const token = (await login(a.email)).body.token;
    const res = await call('POST', '/v1/closure/disable', {
      token,
      body: { acknowledgeDataDeletion: true, verification: await emailVerification('disable-services', a.email, token) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.huaweiId).toMatch(/HUAWEI ID is not deleted/);
    const proven = await call('POST', '/v1/sessions', { body: { identifier: a.email, password: E2E_PASSWORD } });
    expect(proven.status).toBe(422);
    expect(proven.body.code).toBe('SERVICES_DISABLED');
    expect((await call('POST', '/v1/sessions', { body: { identifier: a.email, password: 'Wrong-Secret-2026' } })).status).toBe(401);
    // R-CL-13: the email still belongs to the HUAWEI ID: signing up with it is refused after the code.
    const signupAgain = await call('POST', '/v1/accounts', {
      body: {
        countryRegion: 'DE',
        email: a.email,
        password: E2E_PASSWORD,
        verification: await emailVerification('signup', a.email, undefined, a.email),
      },
    });
    expect(signupAgain.status).toBe(409);
    // R-CL-14: deleting the HUAWEI ID, without a session, releases the email.
    const deleted = await call('POST', '/v1/huawei-id/deletions', {
      body: {
        identifier: a.email,
        password: E2E_PASSWORD,
        verification: await emailVerification('delete-huawei-id', a.email, undefined, a.email),
      },
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    expect((await call('POST', '/v1/sessions', { body: { identifier: a.email, password: E2E_PASSWORD } })).status).toBe(401);
    await advance(61); // the sign-up code cooldown of this address
    expect((await signUp(a.email)).accountId).not.toBe(a.accountId);
  });

  it('R-CL-09 R-CL-11 R-CL-12 close → +91 d → scheduler run → disabled; a held account is not disabled', async () => {
    const a = await activeAccount();
    const held = await activeAccount();
    await closeNow(a);
    await closeNow(held);
    expect(
      (await call('POST', `/v1/ops/accounts/${held.accountId}/closure-hold`, { headers: OPS, body: { reason: 'investigation' } })).status,
    ).toBe(200);
    await advance(91 * DAY);
    const run = await call('POST', '/local/scheduler/run');
    expect(run.status).toBe(200);
    expect(run.body.processed).toBeGreaterThan(0);
    expect((await call('POST', '/v1/sessions', { body: { identifier: a.email, password: E2E_PASSWORD } })).status).toBe(422);
    expect((await messages(a.email)).some((m) => m.kind === 'services-disabled')).toBe(true);
    const heldLogin = await login(held.email);
    expect(heldLogin.status).toBe(201);
    expect((await call('GET', '/v1/closure', { token: heldLogin.body.token })).body).toMatchObject({ status: 'closed', held: true });
  });
});
