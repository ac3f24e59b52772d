import * as z from 'zod';
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
    .strictObject({ from: isoTime.optional(), to: isoTime.optional(), traceName: z.enum(TRACE_NAMES).optional(), ...paginationQuery })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`.', path: ['from'] }),
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
          changes: z.array(z.object({ field: z.string(), old: z.string().optional(), new: z.string().optional() })).optional(),
        }),
      ),
      nextCursor: z.string().optional(),
    }),
  },
});
