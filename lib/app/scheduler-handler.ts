import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { config } from '../core/config.js';
import { syncTestClock } from '../local/test-clock.js';
import { logger } from '../core/logger.js';
import type { SchedulerOptions } from './scheduler.js';
import './local.js';

/** Wraps the scheduled function: test clock (local stage), then the work within the Lambda's remaining time, then one log line. */
export function scheduledHandler<R extends { processed: number; stoppedEarly?: boolean }>(work: (options: SchedulerOptions) => Promise<R>) {
  return middy<ScheduledEvent, R>(async function scheduledWork(_event: ScheduledEvent, context: Context) {
    if (config.testClock) await syncTestClock();
    const remainingMs = typeof context?.getRemainingTimeInMillis === 'function' ? () => context.getRemainingTimeInMillis() : undefined;
    const result = await work(remainingMs ? { remainingMs } : {});
    logger.info('scheduler run', { processed: result.processed, stoppedEarly: result.stoppedEarly ?? false });
    return result;
  });
}
