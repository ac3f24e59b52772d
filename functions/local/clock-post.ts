import { httpHandler } from '../../lib/app/http.js';
import { localClockPostRoute } from '../../lib/local/routes.js';
import { advanceTestClock } from '../../lib/local/test-clock.js';

export const handler = httpHandler(localClockPostRoute, async ({ body }) => ({
  body: { now: await advanceTestClock(body.advanceSeconds) },
}));
