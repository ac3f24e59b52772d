/**
 * Contract of lib/verification/store.ts on DynamoDB Local (issue 10 item "contract tests per area store", in
 * the style of Kratos' persistence contract suite): send limits written only over the version that was read.
 * The challenges' contract is test/contract/codes-store.test.ts (lib/core/codes/store.ts).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConditionFailed, TransactionConflict } from '../../lib/core/store/writes.js';
import { commit, readSendRecords, sendLimitKey, sendRecordPut } from '../../lib/verification/store.js';

const id = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

/**
 * Commits `items` until the store gives a definite answer: a TransactionConflict (two transactions on the item at
 * once, after transact's own retries) is only a signal to try again, as a caller would; the answer is success or a
 * failed condition.
 */
async function settle(items: Parameters<typeof commit>[0]): Promise<unknown> {
  for (let attempt = 1; ; attempt += 1) {
    const failure = await failureOf(commit(items));
    if (!(failure instanceof TransactionConflict) || attempt >= 10) return failure;
  }
}

describe('verification store contract (DynamoDB Local)', () => {
  it('R-VC-04 R-SEC-06: a send-limit record refuses a stale version (tag `limit`) and keeps the winner', async () => {
    const key = sendLimitKey('dest', `${id('u')}@example.com`);
    const [read] = await readSendRecords([key]);
    expect(read).toEqual({ sends: [], lastByPurpose: {}, version: 0 });
    const first = { sends: ['2026-01-01T00:00:00.000Z'], lastByPurpose: { signup: '2026-01-01T00:00:00.000Z' }, version: 1 };
    const second = { sends: ['2026-01-01T00:00:01.000Z'], lastByPurpose: { signup: '2026-01-01T00:00:01.000Z' }, version: 1 };
    await commit([sendRecordPut(key, first, read!.version, 0)]);
    const failure = (await failureOf(commit([sendRecordPut(key, second, read!.version, 0)]))) as ConditionFailed;
    expect(failure).toBeInstanceOf(ConditionFailed);
    expect(failure.failedTags()).toEqual(['limit']);
    expect((await readSendRecords([key]))[0]).toEqual(first);
  });

  it('R-VC-04: parallel sends over the same read version: exactly one send-limit write wins, every other is refused by the `limit` condition', async () => {
    const key = sendLimitKey('source', `198.51.100.${randomBytes(1)[0]}-${id('')}`);
    const next = (n: number) => ({ sends: [`2026-01-01T00:00:0${n}.000Z`], lastByPurpose: {}, version: 1 });
    const results = await Promise.all([1, 2, 3, 4].map((n) => settle([sendRecordPut(key, next(n), 0, 0)])));
    const winners = results.flatMap((r, i) => (r === undefined ? [i + 1] : []));
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => r !== undefined);
    // A loser fails on the send-limit item's version condition (tag `limit`), not on a transaction conflict.
    expect(losers.map((r) => (r instanceof ConditionFailed ? r.failedTags() : (r as Error).name))).toEqual([
      ['limit'],
      ['limit'],
      ['limit'],
    ]);
    expect(losers.every((r) => (r as ConditionFailed).failed('limit'))).toBe(true);
    expect((await readSendRecords([key]))[0]).toEqual(next(winners[0]!));
  });
});
