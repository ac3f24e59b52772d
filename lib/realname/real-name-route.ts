/** The customer's real-name view (issue 13). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';

const reason = z.object({
  code: z.string(),
  materialId: z.optional(z.string()),
  slot: z.optional(z.string()),
  note: z.optional(z.string()),
});

export const getRealNameRoute = defineRoute({
  operationId: 'getRealName',
  method: 'GET',
  path: '/v1/real-name',
  summary:
    'The account’s real-name authentication: `authenticated` with the approved data (last 4 characters of numbers only; it stays shown while a re-authentication is pending, R-RA-05), else `pending` with the application and its due date (R-RN-03), else `none`; the last decision with its reasons',
  tags: ['real-name'],
  auth: 'session',
  success: {
    status: 200,
    description: 'The real-name state',
    schema: z.object({
      authStatus: z.enum(['none', 'pending', 'authenticated']),
      current: z.optional(
        z.object({
          kind: z.enum(['individual', 'enterprise']),
          certificateType: z.optional(z.string()),
          fullName: z.optional(z.string()),
          issuingCountry: z.optional(z.string()),
          certificateNumberLast4: z.optional(z.string()),
          countryRegion: z.optional(z.string()),
          registeredAddress: z.optional(z.string()),
          enterpriseName: z.optional(z.string()),
          registrationNumberLast4: z.optional(z.string()),
          approvedAt: isoTime,
        }),
      ),
      pendingApplication: z.optional(
        z.object({
          applicationId: z.string(),
          kind: z.string(),
          status: z.literal('pending'),
          submittedAt: isoTime,
          reviewDueBy: isoTime,
          overdue: z.boolean(),
        }),
      ),
      lastDecision: z.optional(
        z.object({
          applicationId: z.string(),
          kind: z.string(),
          status: z.enum(['approved', 'rejected']),
          at: isoTime,
          reasons: z.array(reason),
        }),
      ),
    }),
  },
  errors: [401],
});
