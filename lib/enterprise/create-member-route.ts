/** A master creates a member account (issue 12, seed 000; R-MM-05, R-MM-06, R-MM-08). */
import * as z from 'zod/mini';
import { countryRegion, newPassword } from '../accounts/schemas.js';
import { defineRoute } from '../core/http/route.js';
import { email, verification } from '../core/http/schemas.js';
import { accountingMode, permissions } from './schemas.js';

export const createEnterpriseMemberRoute = defineRoute({
  operationId: 'createEnterpriseMember',
  method: 'POST',
  path: '/v1/enterprise/members',
  summary:
    'The master creates a member account (a sign-up proven with the `signup` email code) associated at once with the accounting mode and every requested permission granted; no session is answered',
  tags: ['enterprise'],
  auth: 'session',
  idempotent: true,
  body: z.strictObject({
    countryRegion,
    email,
    password: newPassword,
    verification,
    accountingMode,
    permissions: z.optional(permissions),
  }),
  success: {
    status: 201,
    description: 'The member account exists and is associated',
    schema: z.object({ memberAccountId: z.string(), status: z.literal('associated'), accountingMode, permissions }),
  },
  errors: [401, 403, 409, 422],
});
