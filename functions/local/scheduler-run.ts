import { httpHandler } from '../../lib/app/http.js';
import { localSchedulerRunRoute } from '../../lib/local/routes.js';
import { runScheduler } from '../../lib/app/scheduler.js';

/** Runs the same work the scheduled function runs, once, now. */
export const handler = httpHandler(localSchedulerRunRoute, async () => ({ body: await runScheduler() }));
