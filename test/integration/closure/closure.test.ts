import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as tenantHandler } from '../../../functions/accounts/changeTenantName.js';
import { handler as checkHandler } from '../../../functions/closure/runClosureCheck.js';
import { handler as latestHandler } from '../../../functions/closure/getLatestClosureCheck.js';
import { handler as statusHandler } from '../../../functions/closure/getClosure.js';
import { handler as addRecipientHandler } from '../../../functions/recipients/addRecipient.js';
import { accountIdByClaim } from '../../../lib/accounts/store.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { CONDITIONS, STANDING_FLAGS } from '../../../lib/closure/rules.js';
import { closureConfig, schedulerConfig } from '../../../lib/core/config.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { runScheduler } from '../../../lib/app/scheduler.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { readDue } from '../../../lib/core/store/due-queue.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { activeAccount, close, closedAccount, disable, hold, putStanding, restore, runCheck } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import {
  PASSWORD,
  bearer,
  login,
  requestCode,
  setSecurityPhone,
  startLogin,
  uniqueEmail,
  verificationFor,
} from '../../support/identity.js';

afterEach(() => setClockOffset(0));

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const relogin = async (a: { email: string }) => (await login(a.email, PASSWORD, 'email', a.email)).body.token as string;

describe('closure check', () => {
  it("R-CL-01 R-CL-02 terms, a reason and a close-services code are required; another purpose's code does not do", async () => {
    const account = await activeAccount();
    const noTerms = await runCheck(account, { acceptTerms: false });
    expect(noTerms.status).toBe(400);
    setClockOffset(61_000);
    const other = await runCheck(account, { reason: 'other' });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe('body.reasonText');
    const identity = await verificationFor('verify-identity', 'email', account.email, { token: account.token });
    const wrongPurpose = await invoke(checkHandler, {
      method: 'POST',
      path: '/v1/closure/checks',
      headers: bearer(account.token),
      body: { acceptTerms: true, reason: 'no-longer-needed', verification: identity },
    });
    expect(wrongPurpose.status).toBe(401);
    expect(wrongPurpose.body.code).toBe('INVALID_CODE');
  });

  it.each(CONDITIONS.filter((c) => !c.condition.endsWith('-associated')).map((c) => [c.condition, c.group] as const))(
    'R-CL-03 standing failing %s fails the %s group and says what to do',
    async (condition, group) => {
      const account = await activeAccount();
      const flag = STANDING_FLAGS.find((f) => f.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`) === condition)!;
      await putStanding(account.accountId, { [flag]: true });
      const res = await runCheck(account);
      expect(res.status).toBe(200);
      expect(res.body.passed).toBe(false);
      const failed = res.body.groups.find((g: { group: string }) => g.group === group);
      expect(failed.passed).toBe(false);
      expect(failed.failures).toEqual([{ condition, message: expect.any(String) }]);
      expect(res.body.groups.filter((g: { passed: boolean }) => !g.passed)).toHaveLength(1);
    },
  );

  it('R-CL-04 the result is kept and a failed check sends a notice listing the failures', async () => {
    const account = await activeAccount();
    await putStanding(account.accountId, { overduePayments: true, resourcesInUse: true });
    const res = await runCheck(account);
    const latest = await invoke(latestHandler, { method: 'GET', path: '/v1/closure/checks/latest', headers: bearer(account.token) });
    expect(latest.body).toEqual(res.body);
    const [notice] = await listRecordedMessages(account.email, 1);
    expect(notice!.kind).toBe('closure-check-failed');
    expect(notice!.body).toContain('overdue-payments');
    expect(notice!.body).toContain('resources-in-use');
  });
});

describe('closing', () => {
  it('R-CL-05 only a passed check closes; a failed one answers 422 CHECK_FAILED', async () => {
    const account = await activeAccount();
    await putStanding(account.accountId, { activeOrders: true });
    const check = await runCheck(account);
    const res = await close(account.token, check.body.checkId);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('CHECK_FAILED');
  });

  it('R-CL-05 a passed check goes stale after 30 minutes', async () => {
    const account = await activeAccount();
    const check = await runCheck(account);
    setClockOffset((closureConfig.checkFreshSeconds + 60) * 1000);
    expect((await close(account.token, check.body.checkId)).body.code).toBe('CHECK_FAILED');
  });

  it('R-CL-05 proceeding re-checks: arrears that appeared after the check stop the closure', async () => {
    const account = await activeAccount();
    const check = await runCheck(account);
    expect(check.body.passed).toBe(true);
    await putStanding(account.accountId, { overduePayments: true });
    const res = await close(account.token, check.body.checkId);
    expect(res.status).toBe(422);
    expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['overdue-payments']);
  });

  it('R-CL-06 R-LI-06 R-CL-10 closing starts the timers; login and reading still work; changes answer 422 NOT_ALLOWED', async () => {
    const account = await closedAccount();
    expect(account.closed.status).toBe('closed');
    expect(Date.parse(account.closed.actionsAllowedFrom) - Date.parse(account.closed.closedAt)).toBe(DAY);
    expect(Date.parse(account.closed.autoDisableAt) - Date.parse(account.closed.closedAt)).toBe(90 * DAY);
    const timers = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
        ExpressionAttributeValues: { ':pk': keys.account(account.accountId).pk, ':t': 'TIMER#' },
      }),
    );
    expect(timers.Items!.map((t) => t.dueKind).sort()).toEqual(['closure-24h', 'closure-90d']);
    expect(
      timers.Items!.every(
        (t) =>
          typeof t.duePk === 'string' &&
          t.dueSk.startsWith(t.dueKind === 'closure-24h' ? account.closed.actionsAllowedFrom : account.closed.autoDisableAt),
      ),
    ).toBe(true);
    const [notice] = await listRecordedMessages(account.email, 1);
    expect(notice!.kind).toBe('services-closed');

    expect((await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) })).body.status).toBe(
      'closed',
    );
    const status = await invoke(statusHandler, { method: 'GET', path: '/v1/closure', headers: bearer(account.token) });
    expect(status.body).toMatchObject({ status: 'closed', held: false, actionsAllowedFrom: account.closed.actionsAllowedFrom });
    expect((await startLogin(account.email, PASSWORD)).status).toBe(200);
    for (const res of [
      await invoke(tenantHandler, {
        method: 'PUT',
        path: '/v1/account/tenant-name',
        headers: bearer(account.token),
        body: { tenantName: 'closed-rename' },
      }),
      await invoke(addRecipientHandler, {
        method: 'POST',
        path: '/v1/account/recipients',
        headers: bearer(account.token),
        body: { name: 'X', email: 'x@example.com', messageTypes: ['billing'] },
      }),
      await requestCode({ purpose: 'close-services', channel: 'email' }, { token: account.token }),
    ]) {
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('NOT_ALLOWED');
    }
  });
});

describe('restoring and disabling', () => {
  it('R-CL-07 restore is refused before 24 h (TOO_EARLY) and works after', async () => {
    const account = await closedAccount();
    setClockOffset(HOUR);
    const early = await restore(account.token);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('TOO_EARLY');
    setClockOffset(25 * HOUR);
    const token = await relogin(account);
    const res = await restore(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'active' });
    const timers = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.timer(account.accountId, 'closure-90d') }));
    expect(timers.Item).toBeUndefined();
  });

  it('R-CL-07 R-CL-08 disabling needs 24 h, the acknowledgement and a valid disable-services code', async () => {
    const account = await closedAccount();
    setClockOffset(HOUR);
    expect((await disable(account)).body.code).toBe('TOO_EARLY');
    setClockOffset(25 * HOUR);
    const token = await relogin(account);
    expect((await disable({ ...account, token }, false)).status).toBe(400);
    setClockOffset(25 * HOUR + 61_000);
    const good = await verificationFor('disable-services', 'email', account.email, { token });
    const wrongDigits = { ...good, code: good.code === '000000' ? '111111' : '000000' };
    const otherPurpose = await verificationFor('password-reset', 'email', account.email, { destination: account.email });
    // A wrong code or another purpose's code is refused as invalid; a challenge that is not this account's is 404 (R-SEC-05).
    const refusals = [
      [wrongDigits, 401, 'INVALID_CODE'],
      [otherPurpose, 401, 'INVALID_CODE'],
      [{ challengeId: 'ch_unknown', code: good.code }, 404, 'NOT_FOUND'],
    ] as const;
    for (const [verification, status, code] of refusals) {
      const res = await disable({ ...account, token }, true, verification);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
    }
    const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(account.accountId), ConsistentRead: true }));
    expect(Item!.status).toBe('closed');
    expect((await disable({ ...account, token }, true, good)).status).toBe(200);
  });

  it('R-CL-07 outstanding amounts must be paid before disabling at once', async () => {
    const account = await closedAccount();
    await putStanding(account.accountId, { pendingPayments: true });
    setClockOffset(25 * HOUR);
    const token = await relogin(account);
    const res = await disable({ ...account, token });
    expect(res.status).toBe(422);
    expect(res.body.failures[0].condition).toBe('pending-payments');
  });

  it('R-CL-08 R-CL-11 R-CL-13 R-LI-06 disabling purges the cloud data and keeps the HUAWEI ID (email, mobile, login ID, password) bound to it (issue 9 item 16)', async () => {
    const active = await activeAccount();
    const mobile = await setSecurityPhone(active.token);
    expect(
      (
        await invoke(addRecipientHandler, {
          method: 'POST',
          path: '/v1/account/recipients',
          headers: bearer(active.token),
          body: { name: 'Ops', email: 'ops@example.com', messageTypes: ['billing'] },
        })
      ).status,
    ).toBe(201);
    const before = (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(active.accountId), ConsistentRead: true })))
      .Item!;
    const check = await runCheck(active);
    const closed = await close(active.token, check.body.checkId);
    expect(closed.status).toBe(200);
    setClockOffset(25 * HOUR);
    const token = await relogin(active);
    const res = await disable({ ...active, token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('disabled');
    expect(res.body.huaweiId).toMatch(/HUAWEI ID is not deleted/);

    // R-CL-11: sessions revoked, cloud login impossible.
    expect((await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(token) })).status).toBe(401);
    // R-CL-13: the identity and its claims stay bound to it; the tenant name is released.
    const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(active.accountId), ConsistentRead: true }));
    expect(Item).toMatchObject({
      status: 'disabled',
      disabledBy: 'customer',
      billingRecordsRef: expect.any(String),
      closedAt: closed.body.closedAt,
      email: active.email,
      mobile,
      loginId: before.loginId,
      passwordHash: before.passwordHash,
      sessionEpoch: before.sessionEpoch + 1,
      preferences: { messageLanguage: before.preferences.messageLanguage, timeZone: 'UTC' },
    });
    for (const cloud of [
      'tenantName',
      'serviceEmail',
      'serviceMobile',
      'contact',
      'taxInfo',
      'accountType',
      'fullName',
      'enterpriseName',
      'paymentMethod',
      'recipientCount',
      'closure',
      'industry',
    ]) {
      expect(Item).not.toHaveProperty(cloud);
    }
    expect(await accountIdByClaim('EMAIL', active.email)).toBe(active.accountId);
    expect(await accountIdByClaim('MOBILE', mobile)).toBe(active.accountId);
    expect(await accountIdByClaim('LOGINID', String(before.loginId).toLowerCase())).toBe(active.accountId);
    expect(await accountIdByClaim('TENANT', String(before.tenantName).toLowerCase())).toBeUndefined();
    // R-CL-11: every other item of the account (recipients, standing, checks, timers) is deleted.
    const rest = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.account(active.accountId).pk },
        ConsistentRead: true,
      }),
    );
    expect(rest.Items!.map((i) => i.sk)).toEqual(['PROFILE']);
  });

  it.each([['email'], ['mobile'], ['login ID']])(
    'R-LI-06 R-CL-14 after disabling, a login by %s whose password is proven answers 422 SERVICES_DISABLED offering only the HUAWEI ID deletion; a wrong password answers the same 401 as an unknown account (issue 9 item 16)',
    async (by) => {
      const active = await activeAccount();
      const mobile = await setSecurityPhone(active.token);
      const before = (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(active.accountId), ConsistentRead: true })))
        .Item!;
      const check = await runCheck(active);
      expect((await close(active.token, check.body.checkId)).status).toBe(200);
      setClockOffset(25 * HOUR);
      expect((await disable({ ...active, token: await relogin(active) })).status).toBe(200);
      const identifier = by === 'email' ? active.email : by === 'mobile' ? mobile : String(before.loginId);
      const proven = await startLogin(identifier, PASSWORD);
      expect(proven.status, JSON.stringify(proven.body)).toBe(422);
      expect(proven.body).toMatchObject({ code: 'SERVICES_DISABLED', detail: expect.stringMatching(/disabled/) });
      expect(proven.body.detail).toMatch(/delet\w* (the|your) HUAWEI ID/i);
      expect(proven.body).not.toHaveProperty('challengeId');
      const wrong = await startLogin(identifier, 'Wrong-Horse-41');
      const unknown = await startLogin(uniqueEmail('nobody'), 'Wrong-Horse-41');
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual({ ...unknown.body, ...(unknown.body.instance ? { instance: wrong.body.instance } : {}) });
    },
  );
});

describe('disabling an account with many items', () => {
  it('R-CL-11 every item of the account is deleted, however many (no transaction limit), files included', async () => {
    const account = await closedAccount();
    const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const extra = Array.from({ length: 140 }, (_, i) => ({ ...keys.material(account.accountId, `mt_${i}`), status: 'verified' }));
    for (let i = 0; i < extra.length; i += 25) {
      await db().send(
        new BatchWriteCommand({ RequestItems: { [TABLE()]: extra.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
      );
    }
    setClockOffset(25 * HOUR);
    const token = await relogin(account);
    expect((await disable({ ...account, token })).status).toBe(200);
    const rest = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.account(account.accountId).pk },
      }),
    );
    expect(rest.Items!.map((i) => i.sk)).toEqual(['PROFILE']);
  });
});

describe('scheduler', () => {
  it('R-CL-07 R-CL-09 R-CL-11 R-CL-13 the scheduler sends the 24-hour notice, and at 90 days disables; the HUAWEI ID keeps its email', async () => {
    const account = await closedAccount();
    setClockOffset(DAY + 1000);
    await runScheduler();
    const [notice] = await listRecordedMessages(account.email, 1);
    expect(notice!.kind).toBe('closure-actions-allowed');
    setClockOffset(91 * DAY);
    await runScheduler();
    const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(account.accountId) }));
    expect(Item).toMatchObject({ status: 'disabled', disabledBy: 'scheduler' });
    expect((await listRecordedMessages(account.email, 1))[0]!.kind).toBe('services-disabled');
    // R-CL-13: the HUAWEI ID keeps its email; only deleting the HUAWEI ID releases it (R-CL-14).
    expect(await accountIdByClaim('EMAIL', account.email)).toBe(account.accountId);
    expect(Item).toMatchObject({ email: account.email });
    expect(Item).not.toHaveProperty('tenantName');
    // R-AU-01: the disable trace names the scheduler as actor and source (issue 10 review R3: unchanged by the Caller).
    const traces = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.auditPartition(account.accountId) },
      }),
    );
    expect(traces.Items!.find((t) => t.traceName === 'disableServices')).toMatchObject({ actor: 'scheduler', sourceIp: 'scheduler' });
  });

  it("R-CL-12 an operator hold stops the automatic disable, and the customer's too", async () => {
    const account = await closedAccount();
    expect((await hold(account.accountId)).status).toBe(200);
    setClockOffset(91 * DAY);
    await runScheduler();
    const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(account.accountId) }));
    expect(Item!.status).toBe('closed');
    const token = await relogin(account);
    const refused = await disable({ ...account, token });
    expect(refused.status).toBe(422);
    expect(refused.body.failures[0].condition).toBe('closure-held');
    const active = await activeAccount();
    expect((await hold(active.accountId)).status).toBe(422);
    expect((await hold('ac_unknown')).status).toBe(404);
  });

  it('R-CL-09 two overlapping scheduler runs process every due timer exactly once', async () => {
    const accounts = await Promise.all(Array.from({ length: 4 }, () => closedAccount()));
    setClockOffset(DAY + 1000);
    const [a, b] = await Promise.all([runScheduler(), runScheduler()]);
    const notices = await Promise.all(
      accounts.map(async (acc) => (await listRecordedMessages(acc.email, 10)).filter((m) => m.kind === 'closure-actions-allowed')),
    );
    expect(notices.map((n) => n.length)).toEqual([1, 1, 1, 1]);
    expect(a.processed + b.processed).toBeGreaterThanOrEqual(4);
    const left = await readDue(new Date(Date.now() + DAY + 1000 + schedulerConfig.leaseSeconds * 1000 + 1000));
    expect(left.filter((i) => i.dueKind === 'closure-24h' && accounts.some((acc) => i.accountId === acc.accountId))).toEqual([]);
  });
});
