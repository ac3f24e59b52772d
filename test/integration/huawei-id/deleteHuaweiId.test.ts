import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as addRecipientHandler } from '../../../functions/recipients/addRecipient.js';
import { handler as resetHandler } from '../../../functions/sessions/resetPassword.js';
import { accountIdByClaim } from '../../../lib/accounts/store.js';
import { nowIso, setClockOffset } from '../../../lib/core/clock.js';
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
  deleteHuaweiId,
  deletionCode,
  login,
  requestCode,
  setSecurityPhone,
  signUp,
  startLogin,
  uniqueEmail,
  uniqueMobile,
  verificationFor,
} from '../../support/identity.js';

afterEach(() => setClockOffset(0));
const HOUR = 3600_000;

const profile = async (accountId: string) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(accountId), ConsistentRead: true }))).Item;

/** Sign up, bind a security phone, enable, close, wait 24 h and disable: a HUAWEI ID without cloud services. */
async function disabledHuaweiId() {
  const account = await activeAccount();
  const mobile = await setSecurityPhone(account.token);
  const before = (await profile(account.accountId))!;
  const check = await runCheck(account);
  expect((await close(account.token, check.body.checkId)).status).toBe(200);
  setClockOffset(25 * HOUR);
  const token = (await login(account.email, PASSWORD, 'email', account.email)).body.token as string;
  expect((await disable({ ...account, token })).status).toBe(200);
  setClockOffset(25 * HOUR + 61_000);
  return { ...account, mobile, loginId: String(before.loginId), tenantName: String(before.tenantName) };
}

/** Puts an account a given number of consecutive failures in, the latest `agoMs` ago (instead of failing that often). */
async function setFailures(accountId: string, n: number, agoMs = 0) {
  await db().send(
    new UpdateCommand({
      TableName: TABLE(),
      Key: keys.account(accountId),
      UpdateExpression: 'SET failedAttempts = :n, lastFailedAt = :at',
      ExpressionAttributeValues: { ':n': n, ':at': new Date(Date.parse(nowIso()) - agoMs).toISOString() },
    }),
  );
}

describe('deleting the HUAWEI ID (R-CL-14, issue 9 item 16)', () => {
  it.each([['email'], ['sms']] as const)(
    'R-CL-14 with cloud services disabled, password + a delete-huawei-id code by %s (no session) delete it and release its email, mobile and login ID',
    async (channel) => {
      const account = await disabledHuaweiId();
      const verification = await deletionCode(account.email, channel, channel === 'email' ? account.email : account.mobile);
      const res = await deleteHuaweiId({ identifier: account.email, password: PASSWORD, verification });
      expect(res.status, JSON.stringify(res.body)).toBe(204);

      expect(await accountIdByClaim('EMAIL', account.email)).toBeUndefined();
      expect(await accountIdByClaim('MOBILE', account.mobile)).toBeUndefined();
      expect(await accountIdByClaim('LOGINID', account.loginId.toLowerCase())).toBeUndefined();
      const retained = await profile(account.accountId);
      // R-CL-11: the minimal retained record for invoices and transactions stays; the identity is gone.
      expect(retained).toMatchObject({ status: 'disabled', billingRecordsRef: expect.any(String), huaweiIdDeletedAt: expect.any(String) });
      for (const identity of ['email', 'mobile', 'loginId', 'passwordHash', 'preferences']) expect(retained).not.toHaveProperty(identity);
      expect((await listRecordedMessages(account.email, 1))[0]!.kind).toBe('huawei-id-deleted');
      expect((await startLogin(account.email, PASSWORD)).status).toBe(401);
      // Released: the email signs up as a new HUAWEI ID.
      expect((await signUp(account.email)).accountId).not.toBe(account.accountId);
    },
  );

  it('R-CL-14 a HUAWEI ID that never enabled cloud services can be deleted: its sessions, items and every claim go', async () => {
    const account = await signUp();
    const mobile = await setSecurityPhone(account.token);
    const ops = uniqueEmail('ops');
    expect(
      (
        await invoke(addRecipientHandler, {
          method: 'POST',
          path: '/v1/account/recipients',
          headers: bearer(account.token),
          body: { name: 'Ops', email: ops, messageTypes: ['account'] },
        })
      ).status,
    ).toBe(201);
    const before = (await profile(account.accountId))!;
    setClockOffset(61_000);
    const verification = await deletionCode(mobile, 'email', account.email);
    const res = await deleteHuaweiId({ identifier: mobile, password: PASSWORD, verification });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect(await profile(account.accountId)).toBeUndefined();
    for (const [kind, value] of [
      ['EMAIL', account.email],
      ['MOBILE', mobile],
      ['LOGINID', String(before.loginId).toLowerCase()],
      ['TENANT', String(before.tenantName).toLowerCase()],
    ] as const) {
      expect(await accountIdByClaim(kind, value), kind).toBeUndefined();
    }
    const rest = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.account(account.accountId).pk },
        ConsistentRead: true,
      }),
    );
    expect(rest.Items).toEqual([]);
    // R-PR-03: the recipient subscribed to account notices hears of it too, addressed before it was deleted.
    expect((await listRecordedMessages(ops, 5)).map((m) => m.kind)).toEqual(['huawei-id-deleted']);
    expect((await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) })).status).toBe(401);
  });

  it.each([['active'], ['closed']] as const)(
    'R-CL-14 while cloud services are %s the deletion answers 422 SERVICES_NOT_DISABLED and changes nothing',
    async (state) => {
      const account = await activeAccount();
      if (state === 'closed') {
        const check = await runCheck(account);
        expect((await close(account.token, check.body.checkId)).status).toBe(200);
      }
      setClockOffset(61_000);
      const verification = await deletionCode(account.email, 'email', account.email);
      const res = await deleteHuaweiId({ identifier: account.email, password: PASSWORD, verification });
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.code).toBe('SERVICES_NOT_DISABLED');
      expect(res.body.failures[0].condition).toBe(`services-${state}`);
      expect(await accountIdByClaim('EMAIL', account.email)).toBe(account.accountId);
      expect((await profile(account.accountId))!.status).toBe(state);
    },
  );

  it("R-CL-14 R-VC-05 a wrong password, a wrong code, another HUAWEI ID's code or another purpose's code is refused (401) and the HUAWEI ID stays", async () => {
    const account = await signUp();
    const other = await signUp();
    const good = await deletionCode(account.email, 'email', account.email);
    const reset = await verificationFor('password-reset', 'email', account.email, { destination: account.email });
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['wrong password', { identifier: account.email, password: 'Wrong-Horse-41', verification: good }, 'INVALID_CREDENTIALS'],
      [
        'wrong code',
        { identifier: account.email, password: PASSWORD, verification: { ...good, code: good.code === '000000' ? '111111' : '000000' } },
        'INVALID_CODE',
      ],
      ['code of another HUAWEI ID', { identifier: other.email, password: PASSWORD, verification: good }, 'INVALID_CODE'],
      [
        'unknown challenge',
        { identifier: account.email, password: PASSWORD, verification: { challengeId: 'ch_unknown', code: good.code } },
        'INVALID_CODE',
      ],
      ['password-reset code of this HUAWEI ID', { identifier: account.email, password: PASSWORD, verification: reset }, 'INVALID_CODE'],
    ];
    for (const [name, body, code] of cases) {
      const res = await deleteHuaweiId(body);
      expect(res.status, name).toBe(401);
      expect(res.body.code, name).toBe(code);
    }
    expect(await accountIdByClaim('EMAIL', account.email)).toBe(account.accountId);
    expect(await accountIdByClaim('EMAIL', other.email)).toBe(other.accountId);
    expect((await deleteHuaweiId({ identifier: account.email, password: PASSWORD, verification: good })).status).toBe(204);
  });

  it('R-SEC-01 a wrong deletion password counts toward the 100-failure lock; the 100th locks it and the right password then answers alike (issue 9 items 16, 17)', async () => {
    const account = await signUp();
    const verification = await deletionCode(account.email, 'email', account.email);
    const wrong = { identifier: account.email, password: 'Wrong-Horse-41', verification };
    expect((await deleteHuaweiId(wrong)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await profile(account.accountId))!.failedAttempts).toBe(1);
    await setFailures(account.accountId, config.sessions.lockoutThreshold - 1, 3600_000); // its back-off is over
    expect((await deleteHuaweiId(wrong)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await profile(account.accountId))!).toMatchObject({
      failedAttempts: config.sessions.lockoutThreshold,
      lockedAt: expect.any(String),
    });
    expect((await listRecordedMessages(account.email, 1))[0]!.kind).toBe('account-locked');
    const locked = await deleteHuaweiId({ ...wrong, password: PASSWORD });
    expect([locked.status, locked.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(await accountIdByClaim('EMAIL', account.email)).toBe(account.accountId);
  });

  it("R-LI-04 inside the account's back-off a deletion is refused like a wrong password, even with the right one, and is not counted (issue 9 items 16, 17)", async () => {
    const account = await signUp();
    const verification = await deletionCode(account.email, 'email', account.email);
    const failures = config.sessions.accountFreeFailures + 3; // an 8 s back-off from now
    await setFailures(account.accountId, failures);
    const throttled = await deleteHuaweiId({ identifier: account.email, password: PASSWORD, verification });
    expect([throttled.status, throttled.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect((await profile(account.accountId))!.failedAttempts).toBe(failures);
    expect(await accountIdByClaim('EMAIL', account.email)).toBe(account.accountId);
    setClockOffset(9_000);
    expect((await deleteHuaweiId({ identifier: account.email, password: PASSWORD, verification })).status).toBe(204);
  });

  it('R-LI-08 R-CL-13 R-CL-14 a HUAWEI ID whose cloud services are disabled keeps its password: a forgotten one can be reset, then the HUAWEI ID deleted with it', async () => {
    const account = await disabledHuaweiId();
    const reset = await verificationFor('password-reset', 'email', account.email, { destination: account.email });
    const res = await invoke(resetHandler, {
      method: 'POST',
      path: '/v1/password-resets',
      body: { identifier: account.mobile, newPassword: 'Fresh-Horse-58', verification: reset },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const proven = await startLogin(account.email, 'Fresh-Horse-58');
    expect(proven.body.code).toBe('SERVICES_DISABLED');
    const verification = await deletionCode(account.loginId, 'email', account.email);
    expect((await deleteHuaweiId({ identifier: account.loginId, password: PASSWORD, verification })).status).toBe(401);
    expect((await deleteHuaweiId({ identifier: account.loginId, password: 'Fresh-Horse-58', verification })).status).toBe(204);
  });

  it('R-SEC-03 R-CL-14 a delete-huawei-id code request answers alike for an unknown identifier and delivers nothing', async () => {
    const account = await disabledHuaweiId();
    const unknown = uniqueEmail('nobody');
    for (const [identifier, channel] of [
      [account.email, 'email'],
      [unknown, 'email'],
      [account.mobile, 'sms'],
      [uniqueMobile(), 'sms'],
    ] as const) {
      const res = await requestCode({ purpose: 'delete-huawei-id', channel, destination: identifier });
      expect(res.status, identifier).toBe(202);
      expect(Object.keys(res.body).sort()).toEqual(['challengeId', 'channel', 'destinationMasked', 'expiresAt', 'resendAfter']);
    }
    expect(await listRecordedMessages(unknown, 1)).toEqual([]);
    const mobileCode = (await listRecordedMessages(account.mobile, 1))[0]!;
    expect(mobileCode.kind).toBe('verification-code');
    expect(mobileCode.body).toMatch(/delete your HUAWEI ID/);
  });

  it('R-SEC-03 R-CL-14 a deletion with a wrong code costs the same reads and writes for a real and an unknown identifier (issue 9 review)', async () => {
    const account = await disabledHuaweiId();
    const unknown = uniqueEmail('nobody');
    const attempt = async (identifier: string) => {
      const res = await requestCode({ purpose: 'delete-huawei-id', channel: 'email', destination: identifier });
      expect(res.status).toBe(202);
      // A code that is certainly wrong: not the one delivered to a real identifier (nothing is delivered for an unknown one).
      const delivered = identifier === account.email ? (await listRecordedMessages(identifier, 1))[0]!.body.match(/\b(\d{6})\b/)![1] : '';
      const wrong = { challengeId: res.body.challengeId as string, code: delivered === '000000' ? '111111' : '000000' };
      return storageWork(async () =>
        expect((await deleteHuaweiId({ identifier, password: PASSWORD, verification: wrong })).status).toBe(401),
      );
    };
    const forReal = await attempt(account.email);
    const forNobody = await attempt(unknown);
    expect(forNobody).toEqual(forReal);
  });
});
