/** R-MM-01: enabling Enterprise Center (issue 12). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';

export const enableEnterpriseCenterRoute = defineRoute({
  operationId: 'enableEnterpriseCenter',
  method: 'POST',
  path: '/v1/enterprise-center',
  summary:
    'An enterprise account that has not joined the partner program becomes an enterprise master (R-MM-01); enabling again answers the same',
  tags: ['enterprise'],
  auth: 'session',
  success: { status: 200, description: 'Enterprise Center is enabled', schema: z.object({ master: z.literal(true) }) },
  errors: [422],
});
