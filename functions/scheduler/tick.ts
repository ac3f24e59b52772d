import { scheduledHandler } from '../../lib/app/scheduler-handler.js';
import { runScheduler } from '../../lib/app/scheduler.js';

export const handler = scheduledHandler(runScheduler);
