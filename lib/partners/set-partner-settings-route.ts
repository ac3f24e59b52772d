/** The `setPartnerSettings` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { verification } from '../core/http/schemas.js';

export const setPartnerSettingsRoute = defineRoute({
  operationId: 'setPartnerSettings',
  method: 'PUT',
  path: '/v1/partner-center/settings',
  summary: "The partner's administrator turns verification protection on or off; off needs a partner-operation code (R-PD-08)",
  tags: ['partners'],
  auth: 'session',
  body: z.strictObject({ verificationProtection: z.boolean(), verification: z.optional(verification) }),
  success: { status: 200, description: 'Stored', schema: z.object({ verificationProtection: z.boolean() }) },
  errors: [401, 403, 404],
});
