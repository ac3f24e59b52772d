import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { email, isoTime, verification } from '../core/http/schemas.js';
import { countryRegion, newPassword } from './schemas.js';

// In a module of its own (issue 11): the sign-up bundle carries register-and-associate (partners) and stays within
// the budget by not carrying every other account route spec.
export const signUpRoute = defineRoute({
  operationId: 'signUp',
  method: 'POST',
  path: '/v1/accounts',
  summary: 'Sign up with country/region, email, email code and password (R-SU-01..03)',
  tags: ['accounts'],
  auth: 'none',
  idempotent: true,
  body: z.strictObject({
    countryRegion,
    email,
    password: newPassword,
    verification,
    invitationToken: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    // R-PA-01: with an invitation token the partner instructions (sharing the name and contact data with the
    // partner) must be accepted; the letter of authorization is optional. Named as in `POST /v1/partner/association`.
    acceptInstructions: z.optional(z.literal(true, 'The partner instructions must be accepted to associate.')),
    authorizeOperations: z.optional(z.boolean()),
  }),
  success: {
    status: 201,
    description: 'Account created, with a session',
    schema: z.object({
      accountId: z.string(),
      status: z.literal('registered'),
      session: z.object({ token: z.string(), expiresAt: isoTime }),
      // Issue 11 (R-PA-01): present when the sign-up carried an invitation token (register-and-associate).
      partner: z.optional(z.object({ partnerId: z.string(), model: z.enum(['reseller', 'referral']), frozen: z.boolean() })),
    }),
  },
  errors: [401, 409, 422],
});
