/** The operators' review queue of real-name applications (issue 13 items 5, 6): list and view. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, paginationQuery } from '../core/http/schemas.js';
import { opaqueId } from './fields-route.js';

const queueItem = z.object({
  applicationId: z.string(),
  accountId: z.string(),
  kind: z.string(),
  submittedAt: isoTime,
  reviewDueBy: isoTime,
  overdue: z.boolean(),
});

export const listRealNameApplicationsRoute = defineRoute({
  operationId: 'listRealNameApplications',
  method: 'GET',
  path: '/v1/ops/real-name/applications',
  summary:
    'The review queue (R-RN-03): `pending` oldest first (default), `overdue` the ones past their due date (oldest due first), `overdueFirst=true` the overdue ones first and then the other pending ones; each with its due date',
  tags: ['operators'],
  auth: 'operator',
  query: z.strictObject({
    status: z.optional(z.enum(['pending', 'overdue'])),
    overdueFirst: z.optional(z.enum(['true', 'false'])),
    ...paginationQuery,
  }),
  success: {
    status: 200,
    description: 'A page of the queue',
    schema: z.object({ items: z.array(queueItem), nextCursor: z.optional(z.string()) }),
  },
  errors: [400],
});

const material = z.object({
  slot: z.string(),
  materialId: z.string(),
  available: z.boolean(),
  purpose: z.optional(z.string()),
  fileType: z.optional(z.string()),
  sizeBytes: z.optional(z.number()),
  readUrl: z.optional(z.string()),
  readUrlExpiresAt: z.optional(isoTime),
});

export const getRealNameApplicationRoute = defineRoute({
  operationId: 'getRealNameApplication',
  method: 'GET',
  path: '/v1/ops/real-name/applications/{applicationId}',
  summary:
    'An application as the reviewer sees it: its details (numbers by their last 4 characters only, R-RN-01) and short-lived read links to its materials (R-RN-08); the reading is audited on the applicant’s traces (viewRealNameApplication)',
  tags: ['operators'],
  auth: 'operator',
  params: z.strictObject({ applicationId: opaqueId }),
  success: {
    status: 200,
    description: 'The application with read links to its materials',
    schema: z.object({
      applicationId: z.string(),
      accountId: z.string(),
      kind: z.string(),
      status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
      submittedAt: isoTime,
      reviewDueBy: isoTime,
      overdue: z.boolean(),
      details: z.record(z.string(), z.string()),
      materials: z.array(material),
      decision: z.optional(
        z.object({
          status: z.enum(['approved', 'rejected']),
          operatorId: z.string(),
          at: isoTime,
          reasons: z.array(z.object({ code: z.string(), materialId: z.optional(z.string()), note: z.optional(z.string()) })),
        }),
      ),
    }),
  },
  errors: [404],
});
