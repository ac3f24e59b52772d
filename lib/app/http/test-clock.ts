import type middy from '@middy/core';
import { syncTestClock } from '../../local/test-clock.js';

/** Local stage only: apply the stored test-clock offset before the handler reads the time. */
export function testClock(): middy.MiddlewareObj {
  return {
    before: async function testClockBefore() {
      await syncTestClock();
    },
  };
}
