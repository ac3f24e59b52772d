/** The member's decision on its master's disassociation request (issue 12, R-MM-01..03, R-MM-05). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { opaqueId } from './schemas.js';

export const decideMemberDisassociationRoute = defineRoute({
  operationId: 'decideMemberDisassociation',
  method: 'POST',
  path: '/v1/master-account/disassociation-requests/{requestId}/decision',
  summary:
    'The member agrees (the association ends; R-MM-03 checked again) or rejects its master’s disassociation request; both accounts are told (R-MM-01)',
  tags: ['enterprise'],
  auth: 'session',
  params: z.strictObject({ requestId: opaqueId }),
  body: z.strictObject({ accept: z.boolean() }),
  success: {
    status: 200,
    description: 'Decided',
    schema: z.object({
      status: z.enum(['accepted', 'rejected']),
      disassociatedAt: z.optional(isoTime),
      // R-MM-05: a member the master created is suspended until it binds a payment method.
      paymentMethodRequired: z.optional(z.literal(true)),
    }),
  },
  errors: [404, 409, 422],
});
