/** The `decideDisassociationAsCustomer` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { requestParams, decided } from './disassociation-common-route.js';

export const decideDisassociationAsCustomerRoute = defineRoute({
  operationId: 'decideDisassociationAsCustomer',
  method: 'POST',
  path: '/v1/partner/disassociation-requests/{requestId}/decision',
  summary: "The customer agrees to (disassociated at once) or rejects its partner's request (R-PD-04)",
  tags: ['partners'],
  auth: 'session',
  params: requestParams,
  body: z.strictObject({ agree: z.boolean() }),
  success: { status: 200, description: 'Decided; both sides are told', schema: decided },
  errors: [404, 409, 422],
});
