import { httpHandler } from '../../lib/http/handler.js';
import { localClockPostRoute } from '../../lib/local/routes.js';
import { advanceTestClock } from '../../lib/local/test-clock.js';

export const handler = httpHandler(localClockPostRoute, async ({ body }) => ({
  body: { now: await advanceTestClock(body.advanceSeconds) },
}));
