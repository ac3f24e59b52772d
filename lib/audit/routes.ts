import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, paginationQuery } from '../core/http/schemas.js';
import { TRACE_NAMES } from '../core/audit/audit.js';

export const queryAuditTracesRoute = defineRoute({
  operationId: 'queryAuditTraces',
  method: 'GET',
  path: '/v1/audit/traces',
  summary: 'Audit traces of this account by time range and trace name, newest first (R-AU-01..03)',
  tags: ['audit'],
  auth: 'session',
  query: z
    .strictObject({ from: z.optional(isoTime), to: z.optional(isoTime), traceName: z.optional(z.enum(TRACE_NAMES)), ...paginationQuery })
    .check(z.refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`.', path: ['from'] })),
  success: {
    status: 200,
    description: 'Traces',
    schema: z.object({
      items: z.array(
        z.object({
          traceName: z.string(),
          resourceType: z.literal('accountCenter'),
          time: isoTime,
          actor: z.string(),
          sourceIp: z.string(),
          requestId: z.string(),
          result: z.enum(['success', 'failure']),
          changes: z.optional(z.array(z.object({ field: z.string(), old: z.optional(z.string()), new: z.optional(z.string()) }))),
        }),
      ),
      nextCursor: z.optional(z.string()),
    }),
  },
});
