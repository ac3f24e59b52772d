/**
 * Contract of lib/core/codes/store.ts (and the check over it, lib/core/codes/challenges.ts) on DynamoDB Local
 * (issue 10 item "contract tests per area store", in the style of Kratos' persistence contract suite): codes used
 * at most once, scoped by account, attempts counted before any compare, never re-sent into a used challenge.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type CodeEffects, checkCode as check, consumeCode as consume, destinationKey } from '../../lib/core/codes/challenges.js';
import type { Purpose } from '../../lib/core/codes/purposes.js';
import {
  type CodeFields,
  challengePut,
  challengeResend,
  commit,
  consumeWrite,
  countAttempt,
  loadChallenge,
} from '../../lib/core/codes/store.js';
import { keyedHash } from '../../lib/core/crypto.js';
import { InvalidCode, NotFound } from '../../lib/core/errors.js';
import { ConditionFailed } from '../../lib/core/store/writes.js';

/** The accounts a wrong code was charged to (lib/accounts/codes.ts passes the lock's countFailure here). */
const charged: string[] = [];
const effects: CodeEffects = { onWrongCode: async (accountId) => void charged.push(accountId) };
const checkCode = (c: Parameters<typeof check>[0]) => check(c, effects);
const consumeCode = (c: Parameters<typeof consume>[0]) => consume(c, effects);

const id = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;
const FAR = '2100-01-01T00:00:00.000Z';
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/** A live challenge of `purpose` for `accountId` whose code is `code`. */
async function challenge(accountId: string, purpose: Purpose = 'verify-identity', code = '123456') {
  const challengeId = id('ch_');
  const destination = `${id('u')}@example.com`;
  const fields: CodeFields = {
    purpose,
    channel: 'email',
    destination,
    destinationKey: destinationKey(destination),
    codeHash: keyedHash('code', `${challengeId}:${code}`),
    attempts: 0,
    expiresAt: FAR,
    ttl: 0,
  };
  await commit([challengePut(challengeId, fields, accountId, new Date(0).toISOString())]);
  return { challengeId, code, fields };
}

describe('one-time codes store contract (DynamoDB Local)', () => {
  it('R-VC-03: a challenge is consumed at most once when two consumes race (tag `code`)', async () => {
    const { challengeId } = await challenge(id('ac_'));
    const results = await Promise.all([1, 2].map(() => failureOf(commit([consumeWrite(challengeId, new Date(0).toISOString())]))));
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    const failure = results.find((r) => r !== undefined) as ConditionFailed;
    expect(failure).toBeInstanceOf(ConditionFailed);
    expect(failure.failedTags()).toEqual(['code']);
  });

  it('R-VC-03 R-SEC-02: two verifications of the same right code race: exactly one is accepted', async () => {
    const owner = id('ac_');
    const { challengeId, code } = await challenge(owner);
    const results = await Promise.all(
      [1, 2].map(() => failureOf(consumeCode({ challengeId, code, purpose: 'verify-identity', accountId: owner }))),
    );
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.find((r) => r !== undefined)).toBeInstanceOf(InvalidCode);
    expect((await loadChallenge(challengeId))?.usedAt).toBeDefined();
  });

  it("R-SEC-05: another account's challenge is not found and none of its attempts is spent", async () => {
    const [owner, other] = [id('ac_'), id('ac_')];
    const { challengeId, code } = await challenge(owner);
    expect(
      await countAttempt(challengeId, { purpose: 'verify-identity', maxAttempts: 5, at: new Date(0).toISOString(), accountId: other }),
    ).toBeUndefined();
    await expect(
      checkCode({ challengeId, code, purpose: 'verify-identity', accountId: other, sessionScoped: true }),
    ).rejects.toBeInstanceOf(NotFound);
    expect((await loadChallenge(challengeId))?.attempts).toBe(0);
    // Its owner still may use it.
    expect(
      (await checkCode({ challengeId, code, purpose: 'verify-identity', accountId: owner, sessionScoped: true })).challenge.accountId,
    ).toBe(owner);
  });

  it.each([
    ['another purpose (R-VC-05)', { purpose: 'close-services' as Purpose }],
    ['an expired challenge (R-VC-02)', { at: '2200-01-01T00:00:00.000Z' }],
    ['a challenge out of attempts (R-VC-03)', { maxAttempts: 0 }],
  ])('R-VC-03: no attempt is counted on %s', async (_name, over) => {
    const { challengeId } = await challenge(id('ac_'));
    const on = { purpose: 'verify-identity' as Purpose, maxAttempts: 5, at: new Date(0).toISOString(), ...over };
    expect(await countAttempt(challengeId, on)).toBeUndefined();
    expect((await loadChallenge(challengeId))?.attempts).toBe(0);
  });

  it('R-VC-03: attempts are counted atomically up to the limit under parallel requests', async () => {
    const { challengeId } = await challenge(id('ac_'));
    const on = { purpose: 'verify-identity' as Purpose, maxAttempts: 3, at: new Date(0).toISOString() };
    const counted = await Promise.all(Array.from({ length: 8 }, () => countAttempt(challengeId, on)));
    expect(counted.filter(Boolean)).toHaveLength(3);
    expect((await loadChallenge(challengeId))?.attempts).toBe(3);
  });

  it.each([
    ['a used challenge', async (c: string) => commit([consumeWrite(c, new Date(0).toISOString())]), 'owner'],
    ["another account's challenge (R-SEC-05)", async () => undefined, 'other'],
  ])('R-LI-02: a code is never re-sent into %s (tag `challenge`)', async (_name, before, who) => {
    const owner = id('ac_');
    const { challengeId, fields } = await challenge(owner, 'login');
    await before(challengeId);
    const write = challengeResend(
      challengeId,
      { ...fields, codeHash: 'x' },
      who === 'owner' ? owner : id('ac_'),
      5,
      new Date(0).toISOString(),
    );
    const failure = (await failureOf(commit([write]))) as ConditionFailed;
    expect(failure.failedTags()).toEqual(['challenge']);
    expect((await loadChallenge(challengeId))?.codeHash).toBe(fields.codeHash);
  });

  it.each([
    ['the account it was sent for, when checked for that account', (owner: string) => ({ accountId: owner }), true],
    ['the account it was sent for, when checked by challenge alone (sessionless)', () => ({}), true],
    ['nobody, when checked for another account (R-SEC-05)', () => ({ accountId: id('ac_') }), false],
  ])('R-SEC-01: a wrong code charges %s, once', async (_name, scope, charges) => {
    const owner = id('ac_');
    const { challengeId } = await challenge(owner);
    await expect(checkCode({ challengeId, code: '654321', purpose: 'verify-identity', ...scope(owner) })).rejects.toBeInstanceOf(
      InvalidCode,
    );
    expect(charged.filter((a) => a === owner)).toHaveLength(charges ? 1 : 0);
  });
});
