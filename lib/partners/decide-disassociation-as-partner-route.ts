/** The `decideDisassociationAsPartner` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { verification } from '../core/http/schemas.js';
import { requestParams, decided } from './disassociation-common-route.js';

export const decideDisassociationAsPartnerRoute = defineRoute({
  operationId: 'decideDisassociationAsPartner',
  method: 'POST',
  path: '/v1/partner-center/disassociation-requests/{requestId}/decision',
  summary: "The partner's administrator agrees to (disassociated at once) or rejects a customer's request (R-PD-01, R-PD-04, R-PD-08)",
  tags: ['partners'],
  auth: 'session',
  params: requestParams,
  body: z.strictObject({ agree: z.boolean(), verification: z.optional(verification) }),
  success: { status: 200, description: 'Decided; both sides are told', schema: decided },
  errors: [401, 403, 404, 409, 422],
});
