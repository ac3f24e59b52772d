import { httpHandler } from '../../lib/http/handler.js';
import { localSchedulerRunRoute } from '../../lib/local/routes.js';
import { runScheduler } from '../../lib/scheduler/run.js';

/** Runs the same work the scheduled function runs, once, now. */
export const handler = httpHandler(localSchedulerRunRoute, async () => ({ body: await runScheduler() }));
