/**
 * Issue 10 (overhead per operation): lib/sdk-calls.ts measures the time spent inside SDK calls and other excluded
 * sections (the bench marks password hashing), overlapping ones counted once. The clock is performance.now, stubbed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beginExcluded, countSdkCalls, excludedMs, resetSdkCalls, sdkCallCounts } from '../../../lib/core/sdk-calls.js';

let now = 0;
beforeEach(() => {
  now = 1000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  resetSdkCalls();
});
afterEach(() => vi.restoreAllMocks());

/** A client whose middleware stack holds only what countSdkCalls adds; `send` runs it around a call taking `ms`. */
function fakeClient() {
  const added: Array<(next: (args: unknown) => Promise<unknown>, context: object) => (args: unknown) => Promise<unknown>> = [];
  const client = { middlewareStack: { add: (mw: (typeof added)[number]) => added.push(mw) } };
  countSdkCalls(client);
  const send = (command: string, ms: number) =>
    added[0]!(
      async () => {
        now += ms;
        return {};
      },
      { clientName: 'DynamoDBClient', commandName: `${command}Command` },
    )({});
  return { send };
}

describe('issue 10: time inside SDK calls and excluded sections', () => {
  it('sums the time of each call next to its count', async () => {
    const { send } = fakeClient();
    await send('GetItem', 3);
    now += 10; // the use case's own time between calls
    await send('PutItem', 4);
    expect(sdkCallCounts()).toEqual({ 'DynamoDB.GetItem': 1, 'DynamoDB.PutItem': 1 });
    expect(excludedMs()).toBe(7);
  });

  it('counts overlapping sections once (parallel calls, hashing during a call)', () => {
    const a = beginExcluded();
    now += 2;
    const b = beginExcluded();
    now += 3;
    a();
    now += 1;
    b();
    b(); // ending twice changes nothing
    now += 5;
    expect(excludedMs()).toBe(6);
  });

  it('a reset starts from zero, also with a section still open', () => {
    const open = beginExcluded();
    now += 4;
    resetSdkCalls();
    now += 2;
    open();
    expect(excludedMs()).toBe(2);
  });
});
