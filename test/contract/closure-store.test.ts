/**
 * Contract of the closure store (lib/closure/store.ts) on DynamoDB Local, in the style of a persistence
 * contract suite: what every implementation of these intentions must guarantee.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  type StoredCheck,
  checkUse,
  latestCheckPut,
  loadLatestCheck,
  loadStanding,
  purgeTimer,
  purgeTimerPut,
  purgeablePage,
  retainedRecordPut,
  standingPut,
  standingUnchanged,
} from '../../lib/closure/store.js';
import { newId } from '../../lib/core/crypto.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../lib/core/store/table.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';

const account = () => newId('ac_');
const check = (checkId = newId('ck_')): StoredCheck => ({
  checkId,
  passed: true,
  checkedAt: '2026-01-01T00:00:00.000Z',
  groups: [],
  reason: 'other',
});

/** Runs a transaction; answers the tags whose condition failed ([] when it committed). */
async function failedTags(items: Parameters<typeof transact>[0]): Promise<string[]> {
  try {
    await transact(items);
    return [];
  } catch (error) {
    if (error instanceof ConditionFailed) return error.failedTags();
    throw error;
  }
}

describe('closure store contract: checks (R-CL-04, R-CL-05, R-SEC-05)', () => {
  it("R-SEC-05: another account's latest check is not found", async () => {
    const [a, b] = [account(), account()];
    await transact([latestCheckPut(a, check())]);
    expect(await loadLatestCheck(b)).toBeUndefined();
    expect(await loadLatestCheck(a)).toMatchObject({ passed: true });
  });

  it('R-CL-05: a check is used at most once when two closes race', async () => {
    const a = account();
    const c = check();
    await transact([latestCheckPut(a, c)]);
    const outcomes = await Promise.all([1, 2, 3].map((n) => failedTags([checkUse(a, c.checkId, `2026-01-01T00:0${n}:00.000Z`)])));
    expect(outcomes.filter((o) => o.length === 0)).toHaveLength(1);
    expect(outcomes.filter((o) => o.length > 0)).toEqual([['check'], ['check']]);
    expect((await loadLatestCheck(a))!.usedAt).toBeDefined();
  });

  it.each([
    { case: "another account's check ID", use: (_a: string, c: StoredCheck) => checkUse(account(), c.checkId, 'x') },
    { case: 'a check replaced by a newer one', use: (a: string, c: StoredCheck) => checkUse(a, `${c.checkId}-old`, 'x') },
  ])('R-CL-05 R-SEC-05: $case cannot be used', async ({ use }) => {
    const a = account();
    const c = check();
    await transact([latestCheckPut(a, c)]);
    expect(await failedTags([use(a, c)])).toEqual(['check']);
  });
});

describe('closure store contract: standing (R-CL-05)', () => {
  it("R-SEC-05: another account's standing is not seen (an account without one reads empty, version 0)", async () => {
    const [a, b] = [account(), account()];
    await transact([standingPut(a, { overduePayments: true }, 0, '2026-01-01T00:00:00.000Z')]);
    expect(await loadStanding(b)).toEqual({ standing: {}, version: 0 });
    expect(await loadStanding(a)).toMatchObject({ standing: { overduePayments: true }, version: 1 });
  });

  it.each([
    { case: 'a write from a stale read (version 0 after version 1 exists)', item: (a: string) => standingPut(a, {}, 0, 'x'), fails: true },
    { case: 'a write from the current read', item: (a: string) => standingPut(a, {}, 1, 'x'), fails: false },
    { case: 'a closure judging a stale standing', item: (a: string) => standingUnchanged(a, 0), fails: true },
    { case: 'a closure judging an older version', item: (a: string) => standingUnchanged(a, 2), fails: true },
    { case: 'a closure judging the current standing', item: (a: string) => standingUnchanged(a, 1), fails: false },
  ])('R-CL-05: the standing version condition: $case', async ({ item, fails }) => {
    const a = account();
    await transact([standingPut(a, { activeOrders: true }, 0, 'x')]);
    expect(await failedTags([item(a)])).toEqual(fails ? ['standing'] : []);
  });

  it('R-CL-05: of two standing writes from the same read, exactly one is stored', async () => {
    const a = account();
    const outcomes = await Promise.all([true, false].map((v) => failedTags([standingPut(a, { activeOrders: v }, 0, 'x')])));
    expect(outcomes.filter((o) => o.length === 0)).toHaveLength(1);
    expect((await loadStanding(a)).version).toBe(1);
  });
});

describe('closure store contract: disabling and purging (R-CL-08, R-CL-11, R-CL-12)', () => {
  const profile = async (accountId: string, extra: Record<string, unknown> = {}) =>
    db().send(
      new PutCommand({ TableName: TABLE(), Item: { ...keys.account(accountId), accountId, status: 'closed', version: 3, ...extra } }),
    );

  it.each([
    { case: 'the version read is current', extra: {}, version: 3, fails: false },
    { case: 'the account changed since it was read', extra: {}, version: 2, fails: true },
    { case: 'the account is no longer closed', extra: { status: 'active' }, version: 3, fails: true },
    { case: 'an operator holds the closure', extra: { closureHold: { reason: 'x' } }, version: 3, fails: true },
  ])('R-CL-08 R-CL-12: the retained record replaces the account only if $case', async ({ extra, version, fails }) => {
    const a = account();
    await profile(a, extra);
    expect(await failedTags([retainedRecordPut({ accountId: a, status: 'disabled', version: version + 1 }, version)])).toEqual(
      fails ? ['account'] : [],
    );
    const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(a), ConsistentRead: true }));
    expect(Item!.status).toBe(fails ? ((extra as { status?: string }).status ?? 'closed') : 'disabled');
  });

  it("R-CL-11 R-SEC-05: the purge reads only the account's own items, never its retained record or its purge timer", async () => {
    const [a, b] = [account(), account()];
    await profile(a);
    await profile(b);
    await transact([latestCheckPut(a, check()), latestCheckPut(b, check()), purgeTimerPut(purgeTimer(a, '2026-01-01T00:00:00.000Z'))]);
    await db().send(new PutCommand({ TableName: TABLE(), Item: { ...keys.material(a, 'mt_1'), objectKey: 'uploads/x' } }));
    const page = await purgeablePage(a, ['pk', 'sk', 'objectKey']);
    expect(page.items.map((i) => i.sk).sort()).toEqual([keys.latestClosureCheck(a).sk, keys.material(a, 'mt_1').sk].sort());
    expect(page.items.every((i) => i.pk === keys.account(a).pk)).toBe(true);
    // Issue 10 review R7: only keys and what the hooks asked for, never whole items.
    expect(page.items.find((i) => i.sk === keys.material(a, 'mt_1').sk)).toEqual({ ...keys.material(a, 'mt_1'), objectKey: 'uploads/x' });
    expect(Object.keys(page.items.find((i) => i.sk === keys.latestClosureCheck(a).sk)!).sort()).toEqual(['pk', 'sk']);
  });
});
