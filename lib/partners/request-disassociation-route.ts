/** The `requestDisassociation` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { verification } from '../core/http/schemas.js';
import { opened } from './disassociation-common-route.js';

export const requestDisassociationRoute = defineRoute({
  operationId: 'requestDisassociation',
  method: 'POST',
  path: '/v1/partner/disassociation-requests',
  summary: 'A reseller customer requests disassociation: the statement confirmed and an SMS partner-disassociation code (R-PD-01, R-PD-03)',
  tags: ['partners'],
  auth: 'session',
  idempotent: true,
  body: z.strictObject({
    confirm: z.literal(true, 'Confirm that you understand the statement.'),
    verification,
  }),
  success: { status: 201, description: 'The request goes to the partner', schema: opened },
  errors: [401, 404, 409, 422],
});
