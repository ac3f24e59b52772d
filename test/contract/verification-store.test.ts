/**
 * Contract of lib/verification/store.ts on DynamoDB Local (issue 10 item "contract tests per area store", in
 * the style of Kratos' persistence contract suite): send limits written only over the version that was read.
 * The challenges' contract is test/contract/codes-store.test.ts (lib/core/codes/store.ts).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConditionFailed } from '../../lib/core/store/writes.js';
import { commit, readSendRecords, sendLimitKey, sendRecordPut } from '../../lib/verification/store.js';

const id = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`;
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

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

  it('R-VC-04: parallel sends over the same read version: exactly one send-limit write wins', async () => {
    const key = sendLimitKey('source', `198.51.100.${randomBytes(1)[0]}-${id('')}`);
    const next = (n: number) => ({ sends: [`2026-01-01T00:00:0${n}.000Z`], lastByPurpose: {}, version: 1 });
    const results = await Promise.all([1, 2, 3, 4].map((n) => failureOf(commit([sendRecordPut(key, next(n), 0, 0)]))));
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
  });
});
