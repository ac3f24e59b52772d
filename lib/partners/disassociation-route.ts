/**
 * Disassociation routes (issue 11, R-PD-01..09), a route module of its own so the other partner routes' bundles do
 * not carry these schemas (lib/app/routes.ts lists it as `partnerDisassociation`).
 */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { email, isoTime, text, verification } from '../core/http/schemas.js';

const failures = z.array(z.object({ condition: z.string(), message: z.string() }));
const opened = z.object({ requestId: z.string(), status: z.literal('pending'), expiresAt: isoTime });
const requestParams = z.strictObject({ requestId: z.string().check(z.minLength(1), z.maxLength(64)) });
const decided = z.object({ status: z.enum(['approved', 'rejected']) });

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

export const requestCustomerDisassociationRoute = defineRoute({
  operationId: 'requestCustomerDisassociation',
  method: 'POST',
  path: '/v1/partner-center/customers/{customerId}/disassociation-requests',
  summary: "The partner's administrator requests disassociation from a customer, with a reason (R-PD-04..06, R-PD-08)",
  tags: ['partners'],
  auth: 'session',
  idempotent: true,
  params: z.strictObject({ customerId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  body: z.strictObject({ reason: text({ max: 500 }), verification: z.optional(verification) }),
  success: { status: 201, description: 'The request goes to the customer', schema: opened },
  errors: [401, 403, 404, 409, 422],
});

export const decideDisassociationAsPartnerRoute = defineRoute({
  operationId: 'decideDisassociationAsPartner',
  method: 'POST',
  path: '/v1/partner-center/disassociation-requests/{requestId}/decision',
  summary: "The partner's administrator agrees to (disassociated at once) or rejects a customer's request (R-PD-01, R-PD-04, R-PD-08)",
  tags: ['partners'],
  auth: 'session',
  params: requestParams,
  body: z.strictObject({ agree: z.boolean(), verification: z.optional(verification) }),
  success: { status: 200, description: 'Decided; both sides are told', schema: decided },
  errors: [401, 403, 404, 409, 422],
});

export const decideDisassociationAsCustomerRoute = defineRoute({
  operationId: 'decideDisassociationAsCustomer',
  method: 'POST',
  path: '/v1/partner/disassociation-requests/{requestId}/decision',
  summary: "The customer agrees to (disassociated at once) or rejects its partner's request (R-PD-04)",
  tags: ['partners'],
  auth: 'session',
  params: requestParams,
  body: z.strictObject({ agree: z.boolean() }),
  success: { status: 200, description: 'Decided; both sides are told', schema: decided },
  errors: [404, 409, 422],
});

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

export const disassociateByTicketRoute = defineRoute({
  operationId: 'disassociateByTicket',
  method: 'POST',
  path: '/v1/ops/partners/disassociations',
  summary: "An operator completes a customer's service ticket with the partner's consent email as evidence (R-PD-09)",
  tags: ['operators'],
  auth: 'operator',
  body: z.strictObject({
    customerId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'An account ID.')),
    ticketId: text({ max: 64 }),
    consentEmail: z.strictObject({
      from: email,
      subject: text({ max: 300 }),
      body: text({ max: 5000 }),
      receivedAt: isoTime,
    }),
  }),
  success: {
    status: 200,
    description: 'Disassociated; a pending request between the pair was canceled',
    schema: z.object({
      customerId: z.string(),
      partnerId: z.string(),
      disassociatedAt: isoTime,
      canceledRequestId: z.optional(z.string()),
    }),
  },
  errors: [404, 409, 422],
});
