import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { config } from '../core/config.js';
import { syncTestClock } from '../local/test-clock.js';
import { logger } from '../core/logger.js';
import './local.js';

/** Wraps the scheduled function: test clock (local stage), then the work, then one log line. */
export function scheduledHandler<R extends { processed: number }>(work: () => Promise<R>) {
  return middy<ScheduledEvent, R>(async function scheduledWork() {
    if (config.testClock) await syncTestClock();
    const result = await work();
    logger.info('scheduler run', { processed: result.processed });
    return result;
  });
}
