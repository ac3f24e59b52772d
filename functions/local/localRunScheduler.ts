import { httpHandler } from '../../lib/app/http.js';
import { localRunSchedulerRoute } from '../../lib/local/scheduler-route.js';
import { runScheduler } from '../../lib/app/scheduler.js';

/** Runs the same work the scheduled function runs, once, now. */
export const handler = httpHandler(localRunSchedulerRoute, async () => ({ body: await runScheduler() }));
