/**
 * Contract of lib/sessions/store.ts on DynamoDB Local (issue 10 item "contract tests per area store", in the
 * style of Kratos' persistence contract suite): what the sessions area relies on its store for.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as keys from '../../lib/core/store/key-builders.js';
import { ConditionFailed, put } from '../../lib/core/store/writes.js';
import { TABLE } from '../../lib/core/store/table.js';
import { commit, countSourceFailure, loadSession, signInAccountWrite, sourceFailures, touchSession } from '../../lib/sessions/store.js';
import { newSession, sessionKeyOf } from '../../lib/core/sessions.js';
import { isTrustedDevice, newTrustedDevice, revokeSession } from '../../lib/sessions/tokens.js';

const accountId = () => `ac_${randomBytes(6).toString('hex')}`;
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ConditionFailed,
  );

async function openSession(owner: string, epoch = 0) {
  const session = newSession(owner, epoch);
  await commit([session.write]);
  return { token: session.token, key: sessionKeyOf(session.token) };
}

describe('sessions store contract (DynamoDB Local)', () => {
  it("R-SEC-05 R-LI-05: a session names only its own account; another account's token finds no session of this one", async () => {
    const [a, b] = [accountId(), accountId()];
    const sa = await openSession(a);
    const sb = await openSession(b);
    expect((await loadSession(sa.key))?.accountId).toBe(a);
    expect((await loadSession(sb.key))?.accountId).toBe(b);
    expect(await loadSession(sessionKeyOf(randomBytes(24).toString('base64url')))).toBeUndefined();
  });

  it.each([
    ['its own account at the trusted epoch', (a: string) => ({ accountId: a, sessionEpoch: 3 }), true],
    ["another account (R-SEC-05: another account's device is not found)", () => ({ accountId: accountId(), sessionEpoch: 3 }), false],
    [
      'its own account after an epoch bump (R-LI-08: password change/reset, R-CL-11: disabling)',
      (a: string) => ({ accountId: a, sessionEpoch: 4 }),
      false,
    ],
  ])('R-LI-03: a trusted device is a trust of %s', async (_name, who, expected) => {
    const owner = accountId();
    const device = newTrustedDevice(owner, 3);
    await commit([device.write]);
    expect(await isTrustedDevice(device.token, who(owner))).toBe(expected);
  });

  it('R-LI-05: a revoked session is gone: not found, and sliding its expiry finds nothing to touch', async () => {
    const owner = accountId();
    const s = await openSession(owner);
    expect(await touchSession(s.key, new Date(0).toISOString(), '2100-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z')).toBe(true);
    await commit([revokeSession(s.key)]);
    expect(await loadSession(s.key)).toBeUndefined();
    expect(await touchSession(s.key, new Date(0).toISOString(), '2100-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z')).toBe(false);
    expect(await loadSession(s.key)).toBeUndefined();
  });

  it('R-LI-05: a session write never overwrites an existing session (tag `session`)', async () => {
    const owner = accountId();
    const session = newSession(owner, 0);
    await commit([session.write]);
    const failure = await failureOf(commit([newSession(accountId(), 0).write, session.write]));
    expect(failure).toBeInstanceOf(ConditionFailed);
    expect(failure!.failedTags()).toEqual(['session']);
    expect((await loadSession(sessionKeyOf(session.token)))?.accountId).toBe(owner);
  });

  it.each([
    ['an active account at the read epoch', { status: 'active', sessionEpoch: 2 }, 2, undefined],
    ['an account whose epoch moved on (R-LI-08)', { status: 'active', sessionEpoch: 3 }, 2, 'account'],
    ['a disabled account (R-LI-06)', { status: 'disabled', sessionEpoch: 2 }, 2, 'account'],
  ])(
    'R-LI-02 R-SEC-01 R-LI-08: a sign-in completes only while the account may sign in at the epoch it read (tag `account`): %s',
    async (_name, stored, readEpoch, failedTag) => {
      const owner = accountId();
      await put({ TableName: TABLE(), Item: { ...keys.account(owner), accountId: owner, failedAttempts: 5, ...stored } });
      const session = newSession(owner, readEpoch);
      const failure = await failureOf(commit([session.write, signInAccountWrite({ accountId: owner, sessionEpoch: readEpoch })]));
      if (failedTag) {
        expect(failure!.failedTags()).toEqual([failedTag]);
        expect(await loadSession(sessionKeyOf(session.token))).toBeUndefined();
      } else {
        expect(failure).toBeUndefined();
        expect((await loadSession(sessionKeyOf(session.token)))?.accountId).toBe(owner);
      }
    },
  );

  it('R-LI-04: failed sign-ins are counted per source address and hour, under parallel requests', async () => {
    const [ip, other] = ['203.0.113.7', `203.0.113.${(randomBytes(1)[0]! % 200) + 20}`];
    const hour = `h${randomBytes(4).toString('hex')}`;
    await Promise.all(Array.from({ length: 5 }, () => countSourceFailure(ip, hour, 0)));
    expect(await sourceFailures(ip, hour)).toBe(5);
    expect(await sourceFailures(other, hour)).toBe(0);
    expect(await sourceFailures(ip, `${hour}x`)).toBe(0);
  });
});
