import { nowIso } from '../../lib/core/clock.js';
import { httpHandler } from '../../lib/app/http.js';
import { localGetClockRoute } from '../../lib/local/routes.js';

export const handler = httpHandler(localGetClockRoute, () => ({ body: { now: nowIso() } }));
