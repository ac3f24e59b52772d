/** The customer's real-name applications (issue 13): submit and withdraw. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { enterpriseApplication, individualApplication, opaqueId } from './fields-route.js';

export const submitRealNameApplicationRoute = defineRoute({
  operationId: 'submitRealNameApplication',
  method: 'POST',
  path: '/v1/real-name/applications',
  summary:
    'Apply for individual or enterprise real-name authentication (R-RN-01): materials must be the caller’s verified uploads of the right purpose; one pending application at a time; refused for partner-program accounts as individuals (R-RN-05), for a certificate of another country (R-RN-06) and for an enterprise account applying as an individual (R-AI-05); the review is due within three working days (R-RN-03)',
  tags: ['real-name'],
  auth: 'session',
  idempotent: true,
  body: z.discriminatedUnion('kind', [individualApplication, enterpriseApplication]),
  success: {
    status: 201,
    description: 'The application is pending review; the due date is shown',
    schema: z.object({ applicationId: z.string(), status: z.literal('pending'), reviewDueBy: isoTime }),
  },
  errors: [401, 409, 422],
});

export const withdrawRealNameApplicationRoute = defineRoute({
  operationId: 'withdrawRealNameApplication',
  method: 'DELETE',
  path: '/v1/real-name/applications/{applicationId}',
  summary: 'The applicant withdraws its own pending application (another account’s: 404; not pending: 422 `not-pending`)',
  tags: ['real-name'],
  auth: 'session',
  params: z.strictObject({ applicationId: opaqueId }),
  success: {
    status: 200,
    description: 'The application is withdrawn; a new one may be submitted',
    schema: z.object({ applicationId: z.string(), status: z.literal('withdrawn') }),
  },
  errors: [401, 404, 422],
});
