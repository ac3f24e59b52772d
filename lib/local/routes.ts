import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, text } from '../core/http/schemas.js';

export const localListMessagesRoute = defineRoute({
  operationId: 'localListMessages',
  method: 'GET',
  path: '/local/messages',
  summary: 'Every SMS and email the system sent, newest first (local stage only)',
  tags: ['local'],
  auth: 'none',
  localOnly: true,
  query: z.strictObject({ to: z.optional(text({ max: 320 })) }),
  success: {
    status: 200,
    description: 'Recorded messages',
    schema: z.object({
      items: z.array(
        z.object({
          channel: z.enum(['sms', 'email']),
          to: z.string(),
          kind: z.string(),
          subject: z.optional(z.string()),
          body: z.string(),
          sentAt: isoTime,
          messageId: z.string(),
        }),
      ),
    }),
  },
});

const clockAnswer = z.object({ now: isoTime });

export const localGetClockRoute = defineRoute({
  operationId: 'localGetClock',
  method: 'GET',
  path: '/local/clock',
  summary: 'The test clock every function of the local stage reads',
  tags: ['local'],
  auth: 'none',
  localOnly: true,
  success: { status: 200, description: 'Current test time', schema: clockAnswer },
});

export const localAdvanceClockRoute = defineRoute({
  operationId: 'localAdvanceClock',
  method: 'POST',
  path: '/local/clock',
  summary: 'Move the test clock forward (or back) for every function',
  tags: ['local'],
  auth: 'none',
  localOnly: true,
  body: z.strictObject({ advanceSeconds: z.number().check(z.int(), z.minimum(-10 * 365 * 86400), z.maximum(10 * 365 * 86400)) }),
  success: { status: 200, description: 'New test time', schema: clockAnswer },
});
