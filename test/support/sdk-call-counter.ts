/**
 * The SDK-call pin tests' counter (issues 12 and 13): the round trips of one operation, with SNS publishes counted by a
 * notifier stub as the bench counts them. Registers its own cleanup (notifier and test clock back) after each test.
 */
import { afterEach, expect } from 'vitest';
import { setClockOffset } from '../../lib/core/clock.js';
import { type Message, useNotifier } from '../../lib/core/notify/notifier.js';
import { resetSdkCalls, sdkCallCounts } from '../../lib/core/sdk-calls.js';

export function sdkCallCounter() {
  const sent: Message[] = [];
  afterEach(() => {
    useNotifier(undefined);
    setClockOffset(0);
  });

  /** The calls `run` makes (any work: a scheduler run, a handler call). */
  async function callsOf<T>(run: () => Promise<T>): Promise<{ result: T; calls: Record<string, number> }> {
    useNotifier({ send: async (m) => void sent.push(m) });
    const before = sent.length;
    resetSdkCalls();
    const result = await run();
    const calls = { ...sdkCallCounts(), ...(sent.length > before ? { 'SNS.Publish': sent.length - before } : {}) };
    useNotifier(undefined);
    return { result, calls };
  }

  /** The calls of one HTTP answer, which must be a success. */
  async function counted(fn: () => Promise<{ status: number; body: any }>) {
    const { result: res, calls } = await callsOf(fn);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    return { body: res.body, calls };
  }

  return { counted, callsOf };
}
