/** The `requestCustomerDisassociation` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { text, verification } from '../core/http/schemas.js';
import { opened } from './disassociation-common-route.js';

export const requestCustomerDisassociationRoute = defineRoute({
  operationId: 'requestCustomerDisassociation',
  method: 'POST',
  path: '/v1/partner-center/customers/{customerId}/disassociation-requests',
  summary: "The partner's administrator requests disassociation from a customer, with a reason (R-PD-04..06, R-PD-08)",
  tags: ['partners'],
  auth: 'session',
  idempotent: true,
  params: z.strictObject({ customerId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  body: z.strictObject({ reason: text({ max: 500 }), verification: z.optional(verification) }),
  success: { status: 201, description: 'The request goes to the customer', schema: opened },
  errors: [401, 403, 404, 409, 422],
});
