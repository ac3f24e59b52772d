/** The `disassociateByTicket` route (issue 11): a module of its own, see ./disassociation-common-route.ts. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { email, isoTime, text } from '../core/http/schemas.js';

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
      to: email,
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
