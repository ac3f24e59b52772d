import { afterEach, describe, expect, it } from 'vitest';
import { handler as changePasswordHandler } from '../../../functions/accounts/changePassword.js';
import { handler as resetHandler } from '../../../functions/sessions/resetPassword.js';
import { findAccount } from '../../../lib/accounts/store.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { isTrustedDevice } from '../../../lib/sessions/tokens.js';
import { closedAccount, disable } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, login, signUp, startLogin, verificationFor } from '../../support/identity.js';

let offset = 0;
/** Moves the test clock past the 60 s resend cooldown, so the next code to the same address is sent. */
const nextMinute = () => {
  offset += 61_000;
  setClockOffset(offset);
};
afterEach(() => {
  offset = 0;
  setClockOffset(offset);
});

const NEW_PASSWORD = 'New-Secret-77';

/** Signs in with "trust this browser" and returns the device token, after checking that it skips the second step. */
async function trustedBrowser(email: string, password = PASSWORD): Promise<string> {
  nextMinute();
  const first = await login(email, password, 'email', email, true);
  expect(first.status, JSON.stringify(first.body)).toBe(201);
  const deviceToken = first.body.deviceToken as string;
  expect((await startLogin(email, password, { deviceToken })).status).toBe(201);
  return deviceToken;
}

describe('trusted browsers (issue 9 item 1)', () => {
  it.each([
    [
      'a password change',
      async (account: { email: string; token: string }) => {
        const res = await invoke(changePasswordHandler, {
          method: 'PUT',
          path: '/v1/account/password',
          headers: bearer(account.token),
          body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        });
        expect(res.status).toBe(204);
      },
    ],
    [
      'a password reset by code',
      async (account: { email: string; token: string }) => {
        nextMinute();
        const verification = await verificationFor('password-reset', 'email', account.email, { destination: account.email });
        const res = await invoke(resetHandler, {
          method: 'POST',
          path: '/v1/password-resets',
          body: { identifier: account.email, newPassword: NEW_PASSWORD, verification },
        });
        expect(res.status).toBe(204);
      },
    ],
  ])('R-LI-08: %s revokes every trusted browser: the next sign-in asks for the second step again', async (_what, change) => {
    const account = await signUp();
    const deviceTokens = [await trustedBrowser(account.email), await trustedBrowser(account.email)];
    await change(account);
    for (const deviceToken of deviceTokens) {
      const res = await startLogin(account.email, NEW_PASSWORD, { deviceToken });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.challengeId).toBeTruthy();
      expect(res.body.token).toBeUndefined();
    }
  });

  it('R-LI-08: a browser trusted after a password change is trusted (the new password starts a new trust)', async () => {
    const account = await signUp();
    await invoke(changePasswordHandler, {
      method: 'PUT',
      path: '/v1/account/password',
      headers: bearer(account.token),
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    const deviceToken = await trustedBrowser(account.email, NEW_PASSWORD);
    expect((await startLogin(account.email, NEW_PASSWORD, { deviceToken })).status).toBe(201);
  });

  it('R-CL-11: disabling cloud services revokes every trusted browser of the account', async () => {
    const account = await closedAccount();
    offset = 25 * 3600_000;
    setClockOffset(offset);
    const deviceToken = await trustedBrowser(account.email);
    nextMinute();
    const token = (await login(account.email, PASSWORD, 'email', account.email)).body.token as string;
    const before = await findAccount(account.accountId);
    expect(await isTrustedDevice(deviceToken, before!)).toBe(true);
    nextMinute();
    const res = await disable({ ...account, token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await findAccount(account.accountId);
    expect(after).toBeDefined();
    expect(await isTrustedDevice(deviceToken, after!)).toBe(false);
  });
});
