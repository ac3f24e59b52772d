/** The `getCustomerDisassociationChecks` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { failures } from './disassociation-common-route.js';

export const getCustomerDisassociationChecksRoute = defineRoute({
  operationId: 'getCustomerDisassociationChecks',
  method: 'GET',
  path: '/v1/partner-center/customers/{customerId}/disassociation-checks',
  summary:
    "The partner administrator's checks before requesting disassociation from a customer (seed 002), with the pair's requests left and when the next is possible (R-PD-04..06)",
  tags: ['partners'],
  auth: 'session',
  params: z.strictObject({ customerId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  success: {
    status: 200,
    description: 'The partner-side checks; `nextRequestPossibleAt` only when no request is left',
    schema: z.object({
      passed: z.boolean(),
      failures,
      requestsLeft: z.number().check(z.int()),
      nextRequestPossibleAt: z.optional(isoTime),
    }),
  },
  errors: [403, 404],
});
