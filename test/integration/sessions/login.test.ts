import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as changePasswordHandler } from '../../../functions/accounts/changePassword.js';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as securityPhoneHandler } from '../../../functions/accounts/setSecurityPhone.js';
import { handler as auditHandler } from '../../../functions/audit/queryAuditTraces.js';
import { handler as logoutHandler } from '../../../functions/sessions/logout.js';
import { handler as resetHandler } from '../../../functions/sessions/resetPassword.js';
import { handler as loginCodeHandler } from '../../../functions/sessions/sendLoginCode.js';
import { handler as verifyHandler } from '../../../functions/sessions/verifyLoginCode.js';
import { findAccount } from '../../../lib/accounts/store.js';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { config } from '../../../lib/core/config.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { activeAccount, close, disable, runCheck } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { storageWork } from '../../support/storage-work.js';
import {
  PASSWORD,
  bearer,
  freshIp,
  latestCode,
  login,
  requestCode,
  signUp,
  startLogin,
  uniqueEmail,
  uniqueMobile,
  verificationFor,
} from '../../support/identity.js';

const me = (token: string) => invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) });

async function withSecurityPhone() {
  const account = await signUp();
  const mobile = uniqueMobile();
  const verification = await verificationFor('security-phone', 'sms', mobile, { token: account.token, destination: mobile });
  const res = await invoke(securityPhoneHandler, {
    method: 'PUT',
    path: '/v1/account/security-phone',
    headers: bearer(account.token),
    body: { mobile, verification },
  });
  expect(res.status).toBe(200);
  return { ...account, mobile };
}

afterEach(() => setClockOffset(0));

/** Puts an account a given number of consecutive failures in (instead of failing that often). */
async function setFailedAttempts(accountId: string, n: number) {
  await db().send(
    new UpdateCommand({
      TableName: TABLE(),
      Key: keys.account(accountId),
      UpdateExpression: 'SET failedAttempts = :n',
      ExpressionAttributeValues: { ':n': n },
    }),
  );
}

describe('login', () => {
  it('R-LI-04 R-SEC-03 unknown identifier and wrong password get the same status and body', async () => {
    const { email } = await signUp();
    const unknown = await startLogin(uniqueEmail('ghost'), PASSWORD);
    const wrong = await startLogin(email, 'Wrong-password-9');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined, requestId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('R-LI-04 R-SEC-03 a first wrong password costs the same reads and writes for a real and an unknown account (issue 9 item 2)', async () => {
    const account = await signUp();
    const loginId = (await me(account.token)).body.loginId as string;
    for (const [realIdentifier, unknownIdentifier] of [
      [account.email, uniqueEmail('ghost')],
      [loginId, `ghost${loginId}`],
    ]) {
      const forReal = await storageWork(async () => expect((await startLogin(realIdentifier!, 'Wrong-password-9')).status).toBe(401));
      const forNobody = await storageWork(async () => expect((await startLogin(unknownIdentifier!, 'Wrong-password-9')).status).toBe(401));
      expect(forNobody, realIdentifier).toEqual(forReal);
    }
  });

  it('R-LI-01 R-LI-02 R-VC-06 email, mobile, login ID and tenant name all open the second step; the user picks the channel', async () => {
    const account = await withSecurityPhone();
    const profile = (await me(account.token)).body;
    for (const identifier of [account.email, account.mobile, profile.loginId, profile.tenantName.toUpperCase()]) {
      const res = await startLogin(identifier, PASSWORD);
      expect(res.status, identifier).toBe(200);
      expect(res.body.channels.map((c: { channel: string }) => c.channel).sort()).toEqual(['email', 'sms']);
    }
    const bySms = await login(account.mobile, PASSWORD, 'sms', account.mobile);
    expect(bySms.status).toBe(201);
    expect((await me(bySms.body.token)).status).toBe(200);
  });

  it('R-LI-02 R-SEC-01 no session before the code: a wrong code is refused and counts as a failure (issue 9: the count was never checked)', async () => {
    const { email, accountId } = await signUp();
    const started = await startLogin(email, PASSWORD);
    const challengeId = started.body.challengeId;
    const sent = await invoke(loginCodeHandler, {
      method: 'POST',
      path: `/v1/sessions/challenges/${challengeId}/code`,
      pathParameters: { challengeId },
      body: { channel: 'email' },
      sourceIp: freshIp(),
    });
    expect(sent.status).toBe(202);
    const wrong = (await latestCode(email)) === '000000' ? '111111' : '000000';
    expect((await findAccount(accountId))!.failedAttempts).toBe(0);
    const res = await invoke(verifyHandler, {
      method: 'POST',
      path: `/v1/sessions/challenges/${challengeId}/verify`,
      pathParameters: { challengeId },
      body: { code: wrong },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CODE');
    expect(res.body.token).toBeUndefined();
    expect((await findAccount(accountId))!.failedAttempts).toBe(1);
  });

  it('R-LI-03 a trusted device skips the second step for 30 days, then no longer', async () => {
    const { email } = await signUp();
    const first = await login(email, PASSWORD, 'email', email, true);
    expect(first.status).toBe(201);
    const deviceToken = first.body.deviceToken as string;
    expect(deviceToken).toBeTruthy();
    const skipped = await startLogin(email, PASSWORD, { deviceToken });
    expect(skipped.status).toBe(201);
    expect(skipped.body.token).toBeTruthy();
    expect((await startLogin(email, 'Wrong-password-9', { deviceToken })).status).toBe(401);
    setClockOffset((config.sessions.trustedDeviceSeconds + 60) * 1000);
    expect((await startLogin(email, PASSWORD, { deviceToken })).status).toBe(200);
  });

  it('R-LI-05 sessions expire after 12 hours idle', async () => {
    const { token } = await signUp();
    setClockOffset((config.sessions.idleSeconds - 60) * 1000);
    expect((await me(token)).status).toBe(200);
    setClockOffset((2 * config.sessions.idleSeconds - 120) * 1000); // the first use moved the idle expiry on
    expect((await me(token)).status).toBe(200);
    setClockOffset((3 * config.sessions.idleSeconds + 60) * 1000);
    expect((await me(token)).status).toBe(401);
  });

  it('R-LI-05 logout revokes the session', async () => {
    const { token } = await signUp();
    expect((await invoke(logoutHandler, { method: 'DELETE', path: '/v1/sessions/current', headers: bearer(token) })).status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });

  it('R-LI-05 R-AI-13 a password change keeps this session, revokes the others and notifies the email', async () => {
    const { email, token } = await signUp();
    const other = (await login(email, PASSWORD, 'email', email)).body.token as string;
    const res = await invoke(changePasswordHandler, {
      method: 'PUT',
      path: '/v1/account/password',
      headers: bearer(token),
      body: { currentPassword: PASSWORD, newPassword: 'New-Secret-77' },
    });
    expect(res.status).toBe(204);
    expect((await me(token)).status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await startLogin(email, PASSWORD)).status).toBe(401);
    expect((await startLogin(email, 'New-Secret-77')).status).toBe(200);
    const [notice] = await listRecordedMessages(email, 1);
    expect(notice).toMatchObject({ kind: 'contact-changed' });
  });

  it('R-LI-08 a password reset by code revokes every session', async () => {
    const { email, token } = await signUp();
    setClockOffset(61_000);
    const verification = await verificationFor('password-reset', 'email', email, { destination: email });
    const res = await invoke(resetHandler, {
      method: 'POST',
      path: '/v1/password-resets',
      body: { identifier: email, newPassword: 'Reset-Secret-88', verification },
    });
    expect(res.status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await startLogin(email, 'Reset-Secret-88')).status).toBe(200);
  });

  it('R-SEC-03 a reset for an unknown identifier fails exactly like a wrong code (issue 9: the test could not fail)', async () => {
    const ghost = uniqueEmail('ghost');
    const sent = await requestCode({ purpose: 'password-reset', channel: 'email', destination: ghost });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202); // answered like a known account ...
    expect(await listRecordedMessages(ghost, 1)).toEqual([]); // ... but nothing was delivered to an address that has no account
    for (const code of ['123456', '000000']) {
      const res = await invoke(resetHandler, {
        method: 'POST',
        path: '/v1/password-resets',
        body: { identifier: ghost, newPassword: 'Reset-Secret-88', verification: { challengeId: sent.body.challengeId, code } },
      });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CODE');
    }
  });

  it('R-SEC-03 a reset with a wrong code costs the same reads and writes for a real and an unknown identifier (issue 9 item 2)', async () => {
    const { email } = await signUp();
    const attempt = (identifier: string) =>
      storageWork(async () => {
        const res = await invoke(resetHandler, {
          method: 'POST',
          path: '/v1/password-resets',
          body: { identifier, newPassword: 'Reset-Secret-88', verification: { challengeId: 'ch_x', code: '123456' } },
        });
        expect(res.status).toBe(401);
      });
    expect(await attempt(uniqueEmail('ghost'))).toEqual(await attempt(email));
  });

  it('R-SEC-01 the 100th consecutive failure locks sign-in (answered like a wrong password, the owner is told) until a reset by code', async () => {
    const { email, accountId } = await signUp();
    await setFailedAttempts(accountId, config.sessions.lockoutThreshold - 1);
    const wrong = await startLogin(email, 'Wrong-password-9');
    expect(wrong.status).toBe(401);
    const [notice] = await listRecordedMessages(email, 1);
    expect(notice!.kind).toBe('account-locked');
    const locked = await startLogin(email, PASSWORD);
    expect(locked.status).toBe(401); // no password oracle: the right password answers like a wrong one
    expect(locked.body.code).toBe(wrong.body.code);
    setClockOffset(61_000);
    const verification = await verificationFor('password-reset', 'email', email, { destination: email });
    expect(
      (
        await invoke(resetHandler, {
          method: 'POST',
          path: '/v1/password-resets',
          body: { identifier: email, newPassword: 'Reset-Secret-88', verification },
        })
      ).status,
    ).toBe(204);
    expect((await startLogin(email, 'Reset-Secret-88')).status).toBe(200);
  });

  it('R-SEC-03 a reset attempt without a code answers the same for an existing and an unknown identifier, even for a password equal to it', async () => {
    const { email } = await signUp();
    const attempt = (identifier: string) =>
      invoke(resetHandler, {
        method: 'POST',
        path: '/v1/password-resets',
        body: { identifier, newPassword: identifier, verification: { challengeId: 'ch_x', code: '123456' } },
      });
    const known = await attempt(email);
    const unknown = await attempt(uniqueEmail('ghost'));
    expect([known.status, known.body.code]).toEqual([401, 'INVALID_CODE']);
    expect([unknown.status, unknown.body.code]).toEqual([401, 'INVALID_CODE']);
  });

  it('R-LI-02 R-LI-05 a sign-in attempt opened with a password that was reset since cannot complete', async () => {
    const { email } = await signUp();
    const started = await startLogin(email, PASSWORD);
    const challengeId = started.body.challengeId;
    const sendCode = () =>
      invoke(loginCodeHandler, {
        method: 'POST',
        path: `/v1/sessions/challenges/${challengeId}/code`,
        pathParameters: { challengeId },
        body: { channel: 'email' },
        sourceIp: freshIp(),
      });
    expect((await sendCode()).status).toBe(202);
    const code = await latestCode(email); // sent before the reset
    setClockOffset(61_000);
    const verification = await verificationFor('password-reset', 'email', email, { destination: email });
    expect(
      (
        await invoke(resetHandler, {
          method: 'POST',
          path: '/v1/password-resets',
          body: { identifier: email, newPassword: 'Reset-Secret-88', verification },
        })
      ).status,
    ).toBe(204);
    setClockOffset(122_000);
    const sent = await sendCode();
    expect([sent.status, sent.body.detail]).toEqual([401, 'This sign-in attempt has ended; start again.']); // R-LI-06: no code for it (issue 9 item 16)
    const res = await invoke(verifyHandler, {
      method: 'POST',
      path: `/v1/sessions/challenges/${challengeId}/verify`,
      pathParameters: { challengeId },
      body: { code },
    });
    expect([res.status, res.body.detail]).toEqual([401, 'This sign-in attempt has ended; start again.']);
  });

  it.each([
    [
      'its cloud services were disabled',
      async () => {
        const account = await activeAccount();
        const check = await runCheck(account);
        expect((await close(account.token, check.body.checkId)).status).toBe(200);
        setClockOffset(25 * 3600_000);
        const challengeId = (await startLogin(account.email, PASSWORD)).body.challengeId as string;
        const token = (await login(account.email, PASSWORD, 'email', account.email)).body.token as string;
        expect((await disable({ ...account, token })).status).toBe(200);
        return { email: account.email, challengeId };
      },
    ],
    [
      'its password was changed',
      async () => {
        const { email, token } = await signUp();
        const challengeId = (await startLogin(email, PASSWORD)).body.challengeId as string;
        const body = { currentPassword: PASSWORD, newPassword: 'New-Secret-77' };
        expect(
          (await invoke(changePasswordHandler, { method: 'PUT', path: '/v1/account/password', headers: bearer(token), body })).status,
        ).toBe(204);
        return { email, challengeId };
      },
    ],
    [
      'its sign-in was locked (R-SEC-01)',
      async () => {
        const { email, accountId } = await signUp();
        const challengeId = (await startLogin(email, PASSWORD)).body.challengeId as string;
        await setFailedAttempts(accountId, config.sessions.lockoutThreshold);
        return { email, challengeId };
      },
    ],
  ] as const)(
    'R-LI-06 R-LI-02 a sign-in attempt opened before %s sends no code: it has ended (issue 9 item 16)',
    async (_when, arrange) => {
      const { email, challengeId } = await arrange();
      setClockOffset(clockOffset() + 61_000); // outside any cooldown
      const before = (await listRecordedMessages(email, 50)).length;
      const sent = await invoke(loginCodeHandler, {
        method: 'POST',
        path: `/v1/sessions/challenges/${challengeId}/code`,
        pathParameters: { challengeId },
        body: { channel: 'email' },
        sourceIp: freshIp(),
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(401);
      expect([sent.body.code, sent.body.detail]).toEqual(['INVALID_CODE', 'This sign-in attempt has ended; start again.']);
      expect((await listRecordedMessages(email, 50)).length).toBe(before);
    },
  );

  it('R-LI-02 a sign-in attempt ends after 10 minutes, however often its code is re-sent', async () => {
    const { email } = await signUp();
    const challengeId = (await startLogin(email, PASSWORD)).body.challengeId;
    setClockOffset((config.sessions.loginChallengeTtlSeconds + 1) * 1000);
    const sent = await invoke(loginCodeHandler, {
      method: 'POST',
      path: `/v1/sessions/challenges/${challengeId}/code`,
      pathParameters: { challengeId },
      body: { channel: 'email' },
      sourceIp: freshIp(),
    });
    expect(sent.status).toBe(401);
  });

  it('R-AU-01 R-AU-02 sign-in, failed sign-in and password change leave audit traces with source IP and request ID', async () => {
    const { email, accountId, token } = await signUp();
    await startLogin(email, 'Wrong-password-9', {}, '192.0.2.77');
    await login(email, PASSWORD, 'email', email);
    await invoke(changePasswordHandler, {
      method: 'PUT',
      path: '/v1/account/password',
      headers: bearer(token),
      body: { currentPassword: PASSWORD, newPassword: 'New-Secret-77' },
    });
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditPartition(accountId) },
      }),
    );
    expect(Items.map((i) => i.traceName)).toEqual(['signUp', 'loginFailed', 'login', 'changePassword']);
    expect(Items[1]).toMatchObject({ resourceType: 'accountCenter', result: 'failure', sourceIp: '192.0.2.77' });
    expect(Items.every((i) => typeof i.requestId === 'string' && i.requestId.length > 0)).toBe(true);
  });

  it('R-LI-02 R-SEC-06 one sign-in attempt sends at most 3 codes, whatever the channel (issue 9 item 17)', async () => {
    const account = await withSecurityPhone();
    const challengeId = (await startLogin(account.email, PASSWORD)).body.challengeId as string;
    const send = (channel: 'sms' | 'email') =>
      invoke(loginCodeHandler, {
        method: 'POST',
        path: `/v1/sessions/challenges/${challengeId}/code`,
        pathParameters: { challengeId },
        body: { channel },
        sourceIp: freshIp(),
      });
    const statuses = [];
    for (const [i, channel] of (['email', 'sms', 'email', 'sms'] as const).entries()) {
      setClockOffset((i + 1) * 61_000);
      statuses.push((await send(channel)).status);
    }
    expect(statuses.slice(0, config.sessions.maxCodeSendsPerLogin)).toEqual([202, 202, 202]);
    setClockOffset(5 * 61_000);
    const refused = await send('email');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CODE_SENDS_EXHAUSTED');
    expect(statuses[3]).toBe(422);
    // The codes already sent still work; a new attempt starts a new count.
    const verified = await invoke(verifyHandler, {
      method: 'POST',
      path: `/v1/sessions/challenges/${challengeId}/verify`,
      pathParameters: { challengeId },
      body: { code: await latestCode(account.email) },
    });
    expect(verified.status).toBe(201);
  });

  it('R-LI-02 the cap of 3 codes per sign-in attempt holds for parallel sends (issue 9 item 17)', async () => {
    const account = await withSecurityPhone();
    const challengeId = (await startLogin(account.email, PASSWORD)).body.challengeId as string;
    const send = (channel: 'sms' | 'email') =>
      invoke(loginCodeHandler, {
        method: 'POST',
        path: `/v1/sessions/challenges/${challengeId}/code`,
        pathParameters: { challengeId },
        body: { channel },
        sourceIp: freshIp(),
      });
    setClockOffset(61_000);
    expect((await send('email')).status).toBe(202);
    expect((await send('sms')).status).toBe(202);
    setClockOffset(122_000);
    const last = await Promise.all([send('email'), send('sms')]);
    expect(last.map((r) => r.status).sort()).toEqual([202, 422]);
  });

  it('R-AU-01 R-LI-05 logout is audited with source IP and request ID (issue 9 item 17)', async () => {
    const { email, accountId, token } = await signUp();
    const out = await invoke(logoutHandler, {
      method: 'DELETE',
      path: '/v1/sessions/current',
      headers: bearer(token),
      sourceIp: '192.0.2.78',
    });
    expect(out.status).toBe(204);
    const other = (await login(email, PASSWORD, 'email', email)).body.token as string;
    const traces = await invoke(auditHandler, {
      method: 'GET',
      path: '/v1/audit/traces',
      headers: bearer(other),
      query: { traceName: 'logout' },
    });
    expect(traces.status).toBe(200);
    expect(traces.body.items).toEqual([
      expect.objectContaining({
        traceName: 'logout',
        resourceType: 'accountCenter',
        actor: accountId,
        sourceIp: '192.0.2.78',
        result: 'success',
        requestId: out.headers['x-request-id'],
      }),
    ]);
  });

  it('R-LI-04 repeated failures are throttled per account: inside the back-off even the right password is refused alike', async () => {
    const { email, accountId } = await signUp();
    await setFailedAttempts(accountId, config.sessions.accountFreeFailures + 2);
    const wrong = await startLogin(email, 'Wrong-password-9'); // 13th failure: 8 s back-off
    const throttled = await startLogin(email, PASSWORD);
    expect(throttled.status).toBe(401);
    expect(throttled.body.code).toBe(wrong.body.code);
    setClockOffset(9_000);
    expect((await startLogin(email, PASSWORD)).status).toBe(200);
  });

  it('R-LI-04 failures are throttled per source address', async () => {
    const ip = freshIp();
    let last: Awaited<ReturnType<typeof startLogin>> | undefined;
    for (let i = 0; i <= config.sessions.failuresPerSourcePerHour; i += 1)
      last = await startLogin(uniqueEmail('ghost'), 'Wrong-password-9', {}, ip);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
