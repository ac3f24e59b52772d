import { describe, expect, it } from 'vitest';
import { config } from '../../../lib/core/config.js';
import { accountBackoffSeconds, isThrottled } from '../../../lib/sessions/rules.js';

describe('per-account sign-in throttle (pure)', () => {
  const free = config.sessions.accountFreeFailures;
  it.each([
    [0, 0],
    [free - 1, 0],
    [free, 1],
    [free + 3, 8],
    [free + 40, config.sessions.accountMaxBackoffSeconds],
  ])('R-LI-04 after %i consecutive failures an account waits %i s', (failures, seconds) => {
    expect(accountBackoffSeconds(failures)).toBe(seconds);
  });

  it('R-LI-04 the wait runs from the latest failure', () => {
    const last = '2026-11-23T10:00:00.000Z';
    expect(isThrottled(free + 3, last, new Date('2026-11-23T10:00:07.000Z'))).toBe(true);
    expect(isThrottled(free + 3, last, new Date('2026-11-23T10:00:08.000Z'))).toBe(false);
    expect(isThrottled(free + 3, undefined, new Date(last))).toBe(false);
  });
});
