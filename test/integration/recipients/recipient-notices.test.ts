import { afterEach, describe, expect, it } from 'vitest';
import { handler as changePasswordHandler } from '../../../functions/accounts/changePassword.js';
import { handler as addHandler } from '../../../functions/recipients/addRecipient.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { activeAccount, close, putStanding, runCheck } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, uniqueEmail, uniqueMobile } from '../../support/identity.js';

const add = (token: string, body: object) =>
  invoke(addHandler, { method: 'POST', path: '/v1/account/recipients', headers: bearer(token), body });
const kindsTo = async (to: string) => (await listRecordedMessages(to, 50)).map((m) => m.kind).sort();

/** An active account with three recipients: closure by email and SMS, security by email, billing only. */
async function accountWithRecipients() {
  const account = await activeAccount();
  const closure = { email: uniqueEmail('closure'), mobile: uniqueMobile() };
  const security = uniqueEmail('security');
  const billing = uniqueEmail('billing');
  for (const body of [
    { name: 'Closure desk', ...closure, messageTypes: ['closure'] },
    { name: 'Security desk', email: security, messageTypes: ['security', 'account'] },
    { name: 'Finance', email: billing, messageTypes: ['billing'] },
  ]) {
    const res = await add(account.token, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return { account, closure, security, billing };
}

afterEach(() => setClockOffset(0));

describe('notices to message recipients (R-PR-03, issue 9 item 17)', () => {
  it('R-PR-03 R-CL-04 R-CL-06 every closure notice also reaches the recipients subscribed to closure, by email and SMS; others get none; no recipient ever gets a verification code', async () => {
    const { account, closure, security, billing } = await accountWithRecipients();
    await putStanding(account.accountId, { overduePayments: true });
    expect((await runCheck(account)).body.passed).toBe(false);
    await putStanding(account.accountId, { overduePayments: false });
    setClockOffset(61_000); // the close-services code cooldown
    const check = await runCheck(account);
    expect(check.body.passed).toBe(true);
    expect((await close(account.token, check.body.checkId)).status).toBe(200);

    const expected = ['closure-check-failed', 'closure-check-passed', 'services-closed'];
    expect(await kindsTo(closure.email)).toEqual(expected);
    expect(await kindsTo(closure.mobile)).toEqual(expected);
    expect(await kindsTo(security)).toEqual([]);
    expect(await kindsTo(billing)).toEqual([]);
    // The account itself got its close-services codes; its recipients never a code.
    expect(await kindsTo(account.email)).toEqual(expect.arrayContaining(['verification-code', ...expected]));
    const [sms] = await listRecordedMessages(closure.mobile, 1);
    expect(sms!.channel).toBe('sms');
  });

  it('R-CL-04 a passed closure check sends a notice saying closing may proceed (issue 9 item 17)', async () => {
    const account = await activeAccount();
    const check = await runCheck(account);
    expect(check.body.passed).toBe(true);
    const [notice] = await listRecordedMessages(account.email, 1);
    expect(notice).toMatchObject({ kind: 'closure-check-passed', channel: 'email' });
    expect(notice!.body).toMatch(/passed/);
    expect(notice!.body).toMatch(/proceed to close/);
  });

  it('R-PR-03 R-AI-13 a security notice (password changed) also reaches the recipients subscribed to security, not the others', async () => {
    const { account, closure, security, billing } = await accountWithRecipients();
    const res = await invoke(changePasswordHandler, {
      method: 'PUT',
      path: '/v1/account/password',
      headers: bearer(account.token),
      body: { currentPassword: PASSWORD, newPassword: 'New-Secret-77' },
    });
    expect(res.status).toBe(204);
    expect(await kindsTo(security)).toEqual(['contact-changed']);
    for (const other of [closure.email, closure.mobile, billing]) expect(await kindsTo(other)).toEqual([]);
    expect((await listRecordedMessages(account.email, 1))[0]!.kind).toBe('contact-changed');
  });
});
