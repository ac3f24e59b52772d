import { localToolHandler } from '../../lib/app/local-http.js';
import { localRunSchedulerRoute } from '../../lib/local/scheduler-route.js';
import { runScheduler } from '../../lib/app/scheduler.js';

/** Runs the same work the scheduled function runs, once, now. */
export const handler = localToolHandler(localRunSchedulerRoute, async () => ({ body: await runScheduler() }));
