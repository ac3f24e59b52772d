/** The operator's decision on a real-name application (issue 13 item 7): a module of its own (bundle size). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { text } from '../core/http/schemas.js';
import { opaqueId } from './fields-route.js';
import { REASON_CODES } from './model.js';

const reason = z.strictObject({
  code: z.enum(REASON_CODES),
  materialId: z.optional(opaqueId),
  note: z.optional(text({ max: 500 })),
});

export const decideRealNameApplicationRoute = /* @__PURE__ */ defineRoute({
  operationId: 'decideRealNameApplication',
  method: 'POST',
  path: '/v1/ops/real-name/applications/{applicationId}/decision',
  summary:
    'An operator approves or rejects a pending real-name application (R-RN-03): a rejection needs at least one reason from the fixed list, each naming at most one of the application’s materials (`other` needs a note); an approval authenticates the account and fixes its type and names (R-AI-05, R-AI-06), counting it on the certificate number (R-RN-04: 422 `certificate-limit` when the number is full); decided twice: 422 `not-pending`',
  tags: ['operators', 'real-name'],
  auth: 'operator',
  params: z.strictObject({ applicationId: opaqueId }),
  body: z.strictObject({ approve: z.boolean(), reasons: z.optional(z.array(reason).check(z.maxLength(20))) }),
  success: {
    status: 200,
    description: 'Decided; the applicant is told',
    schema: z.object({ applicationId: z.string(), status: z.enum(['approved', 'rejected']) }),
  },
  errors: [400, 401, 404, 409, 422],
});
