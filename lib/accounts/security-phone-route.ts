import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { phone, verification } from '../core/http/schemas.js';

// In a module of its own: the phone type (the phone parser and its metadata) is bundled only into the
// functions that take a phone number, not into every account function (bundle budget, issue 9 item 3).
export const setSecurityPhoneRoute = defineRoute({
  operationId: 'setSecurityPhone',
  method: 'PUT',
  path: '/v1/account/security-phone',
  summary: 'Set the security phone (HUAWEI ID mobile) with an SMS code sent to it (R-SU-04)',
  tags: ['accounts'],
  auth: 'session',
  body: z.strictObject({ mobile: phone, verification }),
  success: { status: 200, description: 'Security phone set', schema: z.object({ mobileMasked: z.string() }) },
  errors: [401, 404, 409, 422],
});
