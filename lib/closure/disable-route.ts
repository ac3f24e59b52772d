/** POST /v1/closure/disable (R-CL-07, R-CL-08, R-CL-13), in its own module so the disable function bundles no other route spec. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, verification } from '../core/http/schemas.js';

export const disableServicesRoute = defineRoute({
  operationId: 'disableServices',
  method: 'POST',
  path: '/v1/closure/disable',
  summary: 'Disable cloud services for good, from 24 hours after closing, with a code (R-CL-07, R-CL-08, R-CL-13)',
  tags: ['closure'],
  auth: 'session',
  allowedWhenClosed: true,
  body: z.strictObject({ acknowledgeDataDeletion: z.literal(true, 'Acknowledge that all data will be deleted.'), verification }),
  success: {
    status: 200,
    description: 'Disabled (final). The HUAWEI ID is not deleted.',
    schema: z.object({ status: z.literal('disabled'), disabledAt: isoTime, huaweiId: z.string() }),
  },
  errors: [401, 404, 409, 422],
});
