import { nowIso } from '../../lib/clock.js';
import { httpHandler } from '../../lib/http/handler.js';
import { localClockGetRoute } from '../../lib/local/routes.js';

export const handler = httpHandler(localClockGetRoute, () => ({ body: { now: nowIso() } }));
