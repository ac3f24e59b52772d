import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { identifier, verification } from '../core/http/schemas.js';
import { currentPassword } from '../accounts/schemas.js';

export const deleteHuaweiIdRoute = defineRoute({
  operationId: 'deleteHuaweiId',
  method: 'POST',
  path: '/v1/huawei-id/deletions',
  summary:
    'Delete the HUAWEI ID with its password and a delete-huawei-id code; only while its cloud services are disabled or were never enabled (R-CL-14)',
  tags: ['sessions'],
  auth: 'none',
  body: z.strictObject({
    identifier: identifier.check(z.meta({ description: 'email, mobile number or login ID of the HUAWEI ID' })),
    password: currentPassword,
    verification,
  }),
  success: { status: 204, description: 'The HUAWEI ID is deleted; its email, mobile number and login ID are released' },
  errors: [401, 422],
});
