import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { config } from '../../../lib/core/config.js';
import { keyedHash } from '../../../lib/core/crypto.js';
import { InvalidCode } from '../../../lib/core/errors.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { checkCode, consumeCode } from '../../../lib/accounts/codes.js';
import { sendCode } from '../../../lib/verification/send-code.js';
import { freshIp, latestCode, requestCode, uniqueEmail } from '../../support/identity.js';

async function issue(purpose: 'signup' | 'close-services' = 'signup', destination = uniqueEmail()) {
  const sent = await sendCode({ purpose, channel: 'email', destination, sourceIp: freshIp(), language: 'en' });
  return { ...sent, destination, code: await latestCode(destination) };
}

afterEach(() => setClockOffset(0));

describe('verification challenges', () => {
  it('R-VC-01 R-VC-02 a code is 6 digits, sent to the destination, stored only as a keyed hash (issue 9: the regex could only match)', async () => {
    const c = await issue();
    const [message] = await listRecordedMessages(c.destination, 1);
    expect(message).toMatchObject({ to: c.destination, kind: 'verification-code' });
    const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.challenge(c.challengeId) }));
    expect(JSON.stringify(Item)).not.toContain(c.code);
    expect(Item).toMatchObject({ purpose: 'signup', attempts: 0 });
    // The six digits read from the message are the whole code: their keyed hash is what was stored.
    expect(Item!.codeHash).toBe(keyedHash('code', `${c.challengeId}:${c.code}`));
    expect(config.verification.codeDigits).toBe(6);
  });

  it('R-VC-02 a code is single use', async () => {
    const c = await issue();
    await consumeCode({ challengeId: c.challengeId, code: c.code, purpose: 'signup', destination: c.destination });
    await expect(consumeCode({ challengeId: c.challengeId, code: c.code, purpose: 'signup' })).rejects.toBeInstanceOf(InvalidCode);
  });

  it('R-VC-03 a code expires after 10 minutes (test clock)', async () => {
    const c = await issue();
    setClockOffset((config.verification.codeTtlSeconds + 1) * 1000);
    await expect(checkCode({ challengeId: c.challengeId, code: c.code, purpose: 'signup' })).rejects.toBeInstanceOf(InvalidCode);
  });

  it('R-VC-03 after 5 wrong codes the challenge is dead: the 6th attempt fails even with the right code', async () => {
    const c = await issue();
    const wrong = c.code === '000000' ? '111111' : '000000';
    for (let i = 0; i < config.verification.maxWrongAttempts; i += 1) {
      await expect(checkCode({ challengeId: c.challengeId, code: wrong, purpose: 'signup' })).rejects.toBeInstanceOf(InvalidCode);
    }
    await expect(checkCode({ challengeId: c.challengeId, code: c.code, purpose: 'signup' })).rejects.toBeInstanceOf(InvalidCode);
  });

  it('R-VC-05 a code of one purpose never satisfies another', async () => {
    const c = await issue('signup');
    await expect(checkCode({ challengeId: c.challengeId, code: c.code, purpose: 'close-services' })).rejects.toBeInstanceOf(InvalidCode);
  });

  it('R-VC-01 a code is bound to its destination and account', async () => {
    const c = await issue();
    await expect(
      checkCode({ challengeId: c.challengeId, code: c.code, purpose: 'signup', destination: uniqueEmail() }),
    ).rejects.toBeInstanceOf(InvalidCode);
    await expect(checkCode({ challengeId: c.challengeId, code: c.code, purpose: 'signup', accountId: 'ac_other' })).rejects.toBeInstanceOf(
      InvalidCode,
    );
  });

  it('R-SEC-02 20 parallel submissions of one valid code: exactly one succeeds', async () => {
    const c = await issue();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => consumeCode({ challengeId: c.challengeId, code: c.code, purpose: 'signup' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof InvalidCode)).toBe(
      true,
    );
  });
});

describe('send limits', () => {
  it('R-VC-04 a second code inside 60 s is refused with 429 and Retry-After; after the cooldown it is sent', async () => {
    const email = uniqueEmail();
    const first = await requestCode({ purpose: 'signup', channel: 'email', destination: email });
    expect(first.status).toBe(202);
    expect(Date.parse(first.body.resendAfter) - Date.now()).toBeGreaterThan(50_000);
    const second = await requestCode({ purpose: 'signup', channel: 'email', destination: email });
    expect(second.status).toBe(429);
    expect(second.body.code).toBe('RATE_LIMITED');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(60);
    setClockOffset(61_000);
    expect((await requestCode({ purpose: 'signup', channel: 'email', destination: email })).status).toBe(202);
  });

  it('R-VC-04 at most 10 codes per destination per 24 h, whatever the purpose', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < config.verification.maxSendsPerDestinationPerDay; i += 1) {
      setClockOffset(i * 61_000);
      expect((await requestCode({ purpose: 'signup', channel: 'email', destination: email })).status).toBe(202);
    }
    setClockOffset(20 * 61_000);
    const refused = await requestCode({ purpose: 'signup', channel: 'email', destination: email });
    expect(refused.status).toBe(429);
    setClockOffset(24 * 3600_000 + 1000);
    expect((await requestCode({ purpose: 'signup', channel: 'email', destination: email })).status).toBe(202);
  });

  it('R-SEC-06 sends are limited per source address too, and parallel sends cannot exceed a limit', async () => {
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: config.verification.maxSendsPerSourcePerHour + 5 }, () =>
        requestCode({ purpose: 'signup', channel: 'email', destination: uniqueEmail() }, { sourceIp: ip }),
      ),
    );
    const max = config.verification.maxSendsPerSourcePerHour;
    // Under contention a send may be refused early (never late): fill up the rest one by one.
    let sent = results.filter((r) => r.status === 202).length;
    expect(results.every((r) => r.status === 202 || r.status === 429)).toBe(true);
    for (let i = 0; i < max; i += 1) {
      const r = await requestCode({ purpose: 'signup', channel: 'email', destination: uniqueEmail() }, { sourceIp: ip });
      if (r.status !== 202) break;
      sent += 1;
    }
    expect(sent).toBe(max);
  });

  it.each([
    ['goes by email only', { channel: 'sms', destination: 'valid.address@example.com' }, 'body.channel'],
    ['goes to a valid address only', { channel: 'email', destination: 'a+b@example' }, 'body.destination'],
  ])('R-VC-01 a sign-up code %s (issue 9: one fault per case)', async (_rule, fault, path) => {
    const res = await requestCode({ purpose: 'signup', ...fault });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it('R-SEC-03 a password-reset code request answers the same shape whether or not the account exists', async () => {
    const res = await requestCode({ purpose: 'password-reset', channel: 'email', destination: uniqueEmail('nobody') });
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(['challengeId', 'channel', 'destinationMasked', 'expiresAt', 'resendAfter']);
    const items = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.challenge(res.body.challengeId).pk },
      }),
    );
    // Bound to a decoy account ID that names no account, so no code can ever reset anything with it.
    expect(items.Items?.[0]?.accountId).toMatch(/^decoy_/);
    expect(await findAccount(items.Items![0]!.accountId)).toBeUndefined();
  });
});
