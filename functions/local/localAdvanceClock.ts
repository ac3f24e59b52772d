import { httpHandler } from '../../lib/app/http.js';
import { localAdvanceClockRoute } from '../../lib/local/routes.js';
import { advanceTestClock } from '../../lib/local/test-clock.js';

export const handler = httpHandler(localAdvanceClockRoute, async ({ body }) => ({
  body: { now: await advanceTestClock(body.advanceSeconds) },
}));
