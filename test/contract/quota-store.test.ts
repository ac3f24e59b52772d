/**
 * Contract of lib/core/quota/store.ts on DynamoDB Local (issue 11, the shared quota piece): a use is a write
 * conditioned on the version read, so parallel uses of one window never exceed it (R-PD-03, R-PD-06); the window
 * answers how many uses are left and when the next one is possible; old uses leave the window and are pruned.
 */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { type QuotaWindow, quotaState, quotaUseWrite, readQuotaWindows } from '../../lib/core/quota/store.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../lib/core/store/table.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';

const DAY = 86_400;
const scope = (tag: string) => `test:${tag}:${randomBytes(6).toString('hex')}`;
const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY * 1000);

/** Read, decide, write; re-read after a lost race (the way a use case uses a window). */
async function useOnce(s: string, max: number, when: Date): Promise<'used' | 'exceeded'> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const [window] = await readQuotaWindows([{ scope: s, limit: { max, windowSeconds: 91 * DAY } }]);
    if (quotaState(window!, when).left === 0) return 'exceeded';
    try {
      await transact([quotaUseWrite(window!, when)]);
      return 'used';
    } catch (error) {
      if (!(error instanceof ConditionFailed && error.failed('quota'))) throw error;
    }
  }
  throw new Error('no decision after 10 attempts');
}

describe('quota window store contract (DynamoDB Local)', () => {
  it('issue 11 (quota windows): an unused scope reads empty, version 0, with every use left', async () => {
    const [w] = await readQuotaWindows([{ scope: scope('empty'), limit: { max: 3, windowSeconds: 91 * DAY } }]);
    expect(w).toMatchObject({ uses: [], version: 0 });
    expect(quotaState(w!, T0)).toEqual({ recent: [], left: 3 });
  });

  it('R-PD-03: of 2 parallel uses of a window of 1, exactly one is written (conditioned on the version read)', async () => {
    const s = scope('one');
    const [w] = await readQuotaWindows([{ scope: s, limit: { max: 1, windowSeconds: 91 * DAY } }]);
    const results = await Promise.allSettled([transact([quotaUseWrite(w!, T0)]), transact([quotaUseWrite(w!, T0)])]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConditionFailed);
    expect((failed.reason as ConditionFailed).failed('quota')).toBe(true);
  });

  it('R-PD-06: 4 parallel read-decide-write uses with 1 of 3 left → exactly 1 used, 3 exceeded', async () => {
    const s = scope('pair');
    expect(await useOnce(s, 3, at(0))).toBe('used');
    expect(await useOnce(s, 3, at(1))).toBe('used');
    const results = await Promise.all([1, 2, 3, 4].map(() => useOnce(s, 3, at(2))));
    expect(results.filter((r) => r === 'used')).toHaveLength(1);
    expect(results.filter((r) => r === 'exceeded')).toHaveLength(3);
    const [w] = await readQuotaWindows([{ scope: s, limit: { max: 3, windowSeconds: 91 * DAY } }]);
    expect(w!.uses).toHaveLength(3);
    expect(w!.version).toBe(3);
  });

  it('R-PD-03 R-PD-06: the window is visible: none left until the oldest use leaves it, then one again', async () => {
    const s = scope('visible');
    const limit = { max: 1, windowSeconds: 91 * DAY };
    expect(await useOnce(s, 1, at(0))).toBe('used');
    const [w] = await readQuotaWindows([{ scope: s, limit }]);
    expect(quotaState(w!, at(90))).toMatchObject({ left: 0, nextAllowedAt: at(91) });
    expect(await useOnce(s, 1, at(90))).toBe('exceeded');
    expect(quotaState(w!, at(91))).toMatchObject({ left: 1 });
    expect(await useOnce(s, 1, at(91))).toBe('used');
  });

  it('issue 11 (quota windows): a write prunes uses that left the window, bumps the version and sets a TTL past the newest use', async () => {
    const s = scope('prune');
    const limit = { max: 3, windowSeconds: 91 * DAY };
    await useOnce(s, 3, at(0));
    await useOnce(s, 3, at(100));
    const item = (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.quotaWindow(s), ConsistentRead: true }))).Item!;
    expect(item.uses).toEqual([at(100).toISOString()]);
    expect(item.version).toBe(2);
    expect(item.ttl).toBe(Math.floor(at(100).getTime() / 1000) + 92 * DAY);
    const [w] = await readQuotaWindows([{ scope: s, limit }]);
    expect(quotaState(w!, at(100)).left).toBe(2);
  });

  it('issue 11 (quota windows): two windows read in one call; a use of a window without a use left is refused before any write', async () => {
    const a = scope('a');
    const b = scope('b');
    await useOnce(a, 1, T0);
    const [wa, wb] = (await readQuotaWindows([
      { scope: a, limit: { max: 1, windowSeconds: DAY } },
      { scope: b, limit: { max: 2, windowSeconds: DAY } },
    ])) as [QuotaWindow, QuotaWindow];
    expect(quotaState(wa, T0).left).toBe(0);
    expect(quotaState(wb, T0).left).toBe(2);
    expect(() => quotaUseWrite(wa, T0)).toThrow(/no use left/);
  });
});
