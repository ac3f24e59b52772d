import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoDate, isoTime, text, verification } from '../core/http/schemas.js';
import { STANDING_FLAGS } from './rules.js';

const checkResult = z.object({
  checkId: z.string(),
  passed: z.boolean(),
  checkedAt: isoTime,
  groups: z.array(
    z.object({
      group: z.enum(['account', 'financial', 'orders-resources']),
      passed: z.boolean(),
      failures: z.array(z.object({ condition: z.string(), message: z.string() })),
    }),
  ),
});

export const runClosureCheckRoute = defineRoute({
  operationId: 'runClosureCheck',
  method: 'POST',
  path: '/v1/closure/checks',
  summary: 'Accept the terms, give a reason and a close-services code; run the three check groups (R-CL-01..04)',
  tags: ['closure'],
  auth: 'session',
  // Issue 9 item 18: `reasonText` is required exactly when the reason is `other` (a union the document shows).
  body: z.discriminatedUnion('reason', [
    z.strictObject({
      acceptTerms: z.literal(true, 'The closure terms must be accepted.'),
      reason: z.enum(['no-longer-needed', 'mistakenly-enabled']),
      reasonText: z.optional(text({ max: 500 })),
      verification,
    }),
    z.strictObject({
      acceptTerms: z.literal(true, 'The closure terms must be accepted.'),
      reason: z.literal('other'),
      reasonText: text({ max: 500 }).check(z.meta({ description: 'Describe the reason.' })),
      verification,
    }),
  ]),
  success: { status: 200, description: 'The check result (kept as the latest)', schema: checkResult },
  errors: [401, 404, 422],
});

export const getLatestClosureCheckRoute = defineRoute({
  operationId: 'getLatestClosureCheck',
  method: 'GET',
  path: '/v1/closure/checks/latest',
  summary: 'The last closure check result (R-CL-04)',
  tags: ['closure'],
  auth: 'session',
  success: { status: 200, description: 'The latest check', schema: checkResult },
  errors: [404],
});

export const closeServicesRoute = defineRoute({
  operationId: 'closeServices',
  method: 'POST',
  path: '/v1/closure',
  summary: 'Proceed to close with a passed, fresh check; re-checked atomically (R-CL-05, R-CL-06)',
  tags: ['closure'],
  auth: 'session',
  body: z.strictObject({ checkId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  success: {
    status: 200,
    description: 'Closed; the 24-hour and 90-day timers run',
    schema: z.object({ status: z.literal('closed'), closedAt: isoTime, actionsAllowedFrom: isoTime, autoDisableAt: isoTime }),
  },
  errors: [404, 409, 422],
});

export const getClosureRoute = defineRoute({
  operationId: 'getClosure',
  method: 'GET',
  path: '/v1/closure',
  summary: 'Closure status and its timers',
  tags: ['closure'],
  auth: 'session',
  success: {
    status: 200,
    description: 'Status',
    schema: z.object({
      status: z.string(),
      closedAt: z.optional(isoTime),
      actionsAllowedFrom: z.optional(isoTime),
      autoDisableAt: z.optional(isoTime),
      held: z.optional(z.boolean()),
    }),
  },
});

export const restoreServicesRoute = defineRoute({
  operationId: 'restoreServices',
  method: 'POST',
  path: '/v1/closure/restore',
  summary: 'Restore closed cloud services, from 24 hours after closing (R-CL-07)',
  tags: ['closure'],
  auth: 'session',
  allowedWhenClosed: true,
  success: { status: 200, description: 'Active again', schema: z.object({ status: z.literal('active') }) },
  errors: [409, 422],
});

// Its own module (issue 13 item 5, bundle budget): the disable function bundles only its own route spec.
export { disableServicesRoute } from './disable-route.js';

export const putStandingRoute = defineRoute({
  operationId: 'putStanding',
  method: 'PUT',
  path: '/v1/ops/accounts/{accountId}/standing',
  summary: 'Billing, order, contract and association facts owned by other systems',
  tags: ['operators'],
  auth: 'operator',
  params: z.strictObject({ accountId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  body: z.strictObject({
    ...Object.fromEntries(STANDING_FLAGS.map((f) => [f, z.optional(z.boolean())])),
    site: z.optional(z.enum(['international', 'chinese-mainland'])),
    // R-PD-10: billing figures the partner's customer list shows and searches.
    monthToDateExpenditure: z.optional(z.number().check(z.minimum(0), z.maximum(1e12))),
    resourcesExpireAt: z.optional(isoDate),
  } as Record<(typeof STANDING_FLAGS)[number], z.ZodMiniOptional<z.ZodMiniBoolean>> & {
    site: z.ZodMiniOptional<z.ZodMiniEnum<{ international: 'international'; 'chinese-mainland': 'chinese-mainland' }>>;
    monthToDateExpenditure: z.ZodMiniOptional<z.ZodMiniNumber>;
    resourcesExpireAt: z.ZodMiniOptional<typeof isoDate>;
  }),
  success: {
    status: 200,
    description: 'The stored standing',
    schema: z.record(z.string(), z.union([z.boolean(), z.string(), z.number()])),
  },
  errors: [404, 409],
});

export const holdClosureRoute = defineRoute({
  operationId: 'holdClosure',
  method: 'POST',
  path: '/v1/ops/accounts/{accountId}/closure-hold',
  summary: 'Stop an automatic disable during retention (R-CL-12)',
  tags: ['operators'],
  auth: 'operator',
  params: z.strictObject({ accountId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  body: z.strictObject({ reason: text({ max: 500 }) }),
  success: { status: 200, description: 'Held', schema: z.object({ held: z.literal(true), reason: z.string(), heldAt: isoTime }) },
  errors: [404, 422],
});

export const liftClosureHoldRoute = defineRoute({
  operationId: 'liftClosureHold',
  method: 'DELETE',
  path: '/v1/ops/accounts/{accountId}/closure-hold',
  summary: 'Lift a closure hold; an overdue 90-day timer disables the account at the next scheduler run (R-CL-12)',
  tags: ['operators'],
  auth: 'operator',
  params: z.strictObject({ accountId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  success: { status: 200, description: 'Lifted', schema: z.object({ held: z.literal(false), liftedAt: isoTime, autoDisableAt: isoTime }) },
  errors: [404, 422],
});
