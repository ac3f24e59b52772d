/**
 * The local stage's scheduler trigger, a module of its own so the function's bundle carries only this schema (the
 * scheduler it runs carries every due processor).
 */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';

export const localRunSchedulerRoute = defineRoute({
  operationId: 'localRunScheduler',
  method: 'POST',
  path: '/local/scheduler/run',
  summary: 'Run the scheduled timer function once, now',
  tags: ['local'],
  auth: 'none',
  localOnly: true,
  success: {
    status: 200,
    description: 'What the run processed, and what it read to find it',
    schema: z.object({
      processed: z.number().check(z.int()),
      /** True when the run left due work for the next one because its time ran short (issue 10). */
      stoppedEarly: z.optional(z.boolean()),
      stats: z.optional(z.object({ queries: z.number().check(z.int()), scannedCount: z.number().check(z.int()) })),
    }),
  },
});
