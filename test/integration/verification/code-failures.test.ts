import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as serviceEmailHandler } from '../../../functions/accounts/changeServiceEmail.js';
import { handler as checkHandler } from '../../../functions/closure/runClosureCheck.js';
import { handler as resetHandler } from '../../../functions/sessions/resetPassword.js';
import { findAccount } from '../../../lib/accounts/store.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { config } from '../../../lib/core/config.js';
import { InvalidCode } from '../../../lib/core/errors.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { checkCode } from '../../../lib/accounts/codes.js';
import { sendCode } from '../../../lib/verification/send-code.js';
import { PURPOSES } from '../../../lib/core/codes/purposes.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import {
  PASSWORD,
  bearer,
  freshIp,
  latestCode,
  requestCode,
  signUp,
  startLogin,
  uniqueEmail,
  verificationFor,
} from '../../support/identity.js';

afterEach(() => setClockOffset(0));

const failures = async (accountId: string) => (await findAccount(accountId))!.failedAttempts;
const wrongCodeFor = async (to: string) => ((await latestCode(to)) === '000000' ? '111111' : '000000');

describe('failed codes count toward the account lock (R-SEC-01, issue 9 item 17)', () => {
  it.each(PURPOSES.filter((p) => p !== 'signup'))(
    'R-SEC-01: a wrong %s code counts as a failed attempt of its account',
    async (purpose) => {
      const { accountId } = await signUp();
      const destination = uniqueEmail(purpose);
      const sent = await sendCode({ purpose, channel: 'email', destination, accountId, sourceIp: freshIp(), language: 'en' });
      const before = await failures(accountId);
      await expect(
        checkCode({ challengeId: sent.challengeId, code: await wrongCodeFor(destination), purpose, accountId }),
      ).rejects.toBeInstanceOf(InvalidCode);
      expect(await failures(accountId)).toBe(before + 1);
    },
  );

  it.each([
    [
      'verify-identity (service email change)',
      async (account: { email: string; token: string }) => {
        const identity = await verificationFor('verify-identity', 'email', account.email, { token: account.token });
        const email = uniqueEmail('service');
        const newEmail = await verificationFor('new-email', 'email', email, { token: account.token, destination: email });
        return invoke(serviceEmailHandler, {
          method: 'PUT',
          path: '/v1/account/service-email',
          headers: bearer(account.token),
          body: { identity: { ...identity, code: await wrongCodeFor(account.email) }, newEmail },
        });
      },
    ],
    [
      'close-services (closure check)',
      async (account: { email: string; token: string }) => {
        const verification = await verificationFor('close-services', 'email', account.email, { token: account.token });
        return invoke(checkHandler, {
          method: 'POST',
          path: '/v1/closure/checks',
          headers: bearer(account.token),
          body: {
            acceptTerms: true,
            reason: 'no-longer-needed',
            verification: { ...verification, code: await wrongCodeFor(account.email) },
          },
        });
      },
    ],
    [
      'password-reset (without a session)',
      async (account: { email: string; token: string }) => {
        const verification = await verificationFor('password-reset', 'email', account.email, { destination: account.email });
        return invoke(resetHandler, {
          method: 'POST',
          path: '/v1/password-resets',
          body: {
            identifier: account.email,
            newPassword: 'Reset-Secret-88',
            verification: { ...verification, code: await wrongCodeFor(account.email) },
          },
        });
      },
    ],
  ])('R-SEC-01: a wrong %s code through its route counts; the 100th consecutive failure locks sign-in', async (_what, submitWrong) => {
    const account = await activeAccount();
    await db().send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: keys.account(account.accountId),
        UpdateExpression: 'SET failedAttempts = :n',
        ExpressionAttributeValues: { ':n': config.sessions.lockoutThreshold - 1 },
      }),
    );
    setClockOffset(61_000);
    const res = await submitWrong(account);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CODE');
    expect(await failures(account.accountId)).toBe(config.sessions.lockoutThreshold);
    const [notice] = await listRecordedMessages(account.email, 1);
    expect(notice!.kind).toBe('account-locked');
    expect((await startLogin(account.email, PASSWORD)).status).toBe(401);
  });
});

describe('a code charges only the account it was sent for (R-SEC-01, issue 9 review)', () => {
  it.each(['an unknown identifier (a decoy challenge)', "the attacker's own account"])(
    "R-SEC-01: wrong codes on a challenge of %s, submitted with a victim's identifier, do not count toward the victim's lock",
    async (whose) => {
      const victim = await signUp();
      const attacker = whose.startsWith('the') ? await signUp() : undefined;
      const destination = attacker ? attacker.email : uniqueEmail('nobody');
      const sent = await requestCode({ purpose: 'password-reset', channel: 'email', destination }, { sourceIp: freshIp() });
      expect(sent.status).toBe(202);
      for (let i = 0; i < 5; i += 1) {
        const res = await invoke(resetHandler, {
          method: 'POST',
          path: '/v1/password-resets',
          body: {
            identifier: victim.email,
            newPassword: 'Reset-Secret-88',
            verification: { challengeId: sent.body.challengeId, code: String(100000 + i) },
          },
        });
        expect(res.status).toBe(401);
      }
      expect(await failures(victim.accountId)).toBe(0);
    },
  );
});
