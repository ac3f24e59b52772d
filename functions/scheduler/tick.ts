import { scheduledHandler } from '../../lib/scheduler/handler.js';
import { runScheduler } from '../../lib/scheduler/run.js';

export const handler = scheduledHandler(runScheduler);
