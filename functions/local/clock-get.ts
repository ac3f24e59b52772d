import { nowIso } from '../../lib/core/clock.js';
import { httpHandler } from '../../lib/app/http.js';
import { localClockGetRoute } from '../../lib/local/routes.js';

export const handler = httpHandler(localClockGetRoute, () => ({ body: { now: nowIso() } }));
