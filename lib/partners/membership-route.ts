/**
 * Membership of a partner's staff as a consent handshake (issue 11 review finding 3, R-PD-04, R-RN-05): the
 * invited account's list and decision, and the administrator's cancel/remove. A module of its own so the partners
 * functions' bundles carry only the schemas they use (`addPartnerMember` stays in ./routes.ts).
 */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';

const opaqueId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'An ID.'));

export const listPartnerMembershipsRoute = defineRoute({
  operationId: 'listPartnerMemberships',
  method: 'GET',
  path: '/v1/partner-memberships',
  summary: "The account's pending invitations to a partner's staff (R-PD-04); nothing changes until it accepts one",
  tags: ['partners'],
  auth: 'session',
  success: {
    status: 200,
    description: 'Pending invitations, newest first',
    schema: z.object({
      items: z.array(
        z.object({
          requestId: z.string(),
          partnerId: z.string(),
          partnerName: z.string(),
          role: z.literal('account-manager'),
          expiresAt: isoTime,
        }),
      ),
    }),
  },
});

export const decidePartnerMembershipRoute = defineRoute({
  operationId: 'decidePartnerMembership',
  method: 'POST',
  path: '/v1/partner-memberships/{requestId}/decision',
  summary:
    "The invited account accepts (it becomes the partner's account manager and is in the partner program, R-RN-05) or rejects an invitation",
  tags: ['partners'],
  auth: 'session',
  params: z.strictObject({ requestId: opaqueId }),
  body: z.strictObject({ accept: z.boolean() }),
  success: { status: 200, description: 'Decided', schema: z.object({ status: z.enum(['accepted', 'rejected']) }) },
  errors: [404, 409, 422],
});

export const removePartnerMemberRoute = defineRoute({
  operationId: 'removePartnerMember',
  method: 'DELETE',
  path: '/v1/partner-center/members/{accountId}',
  summary:
    'Cancel a pending invitation to the account, or remove an account manager (administrator only; not while customers are assigned to it)',
  tags: ['partners'],
  auth: 'session',
  params: z.strictObject({ accountId: opaqueId }),
  success: {
    status: 200,
    description: 'The invitation is canceled, or the account is no longer staff of the partner',
    schema: z.object({ accountId: z.string(), status: z.enum(['canceled', 'removed']) }),
  },
  errors: [403, 404, 409, 422],
});
