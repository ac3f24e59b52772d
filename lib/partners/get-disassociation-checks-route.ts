/** The `getDisassociationChecks` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { failures } from './disassociation-common-route.js';

export const getDisassociationChecksRoute = defineRoute({
  operationId: 'getDisassociationChecks',
  method: 'GET',
  path: '/v1/partner/disassociation-checks',
  summary:
    'Checks before requesting disassociation from the partner, with the requests left and when the next is possible (R-PD-01..03, R-PD-06)',
  tags: ['partners'],
  auth: 'session',
  success: {
    status: 200,
    description: 'The checks; `nextRequestPossibleAt` only when no request is left',
    schema: z.object({
      passed: z.boolean(),
      failures,
      requestsLeft: z.number().check(z.int()),
      nextRequestPossibleAt: z.optional(isoTime),
    }),
  },
  errors: [404],
});
