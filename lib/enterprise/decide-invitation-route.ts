/** The invited account's decision on an enterprise invitation (issue 12, R-MM-01, R-MM-04, R-MM-07, R-MM-08). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { opaqueId, permissions } from './schemas.js';

export const decideEnterpriseInvitationRoute = defineRoute({
  operationId: 'decideEnterpriseInvitation',
  method: 'POST',
  path: '/v1/master-account/invitations/{invitationId}/decision',
  summary:
    'The invited account accepts (with the agreement, granting some or all requested permissions; the answer shows the impacts, R-MM-04) or rejects an invitation (R-MM-07: only the invited account decides)',
  tags: ['enterprise'],
  auth: 'session',
  params: z.strictObject({ invitationId: opaqueId }),
  body: z.strictObject({
    accept: z.boolean(),
    acceptAgreement: z.optional(z.boolean()),
    grantPermissions: z.optional(permissions),
  }),
  success: {
    status: 200,
    description: 'Decided',
    schema: z.object({
      status: z.enum(['accepted', 'rejected']),
      impacts: z.optional(z.array(z.string())),
      permissions: z.optional(z.object({ requested: permissions, granted: permissions })),
    }),
  },
  errors: [404, 409, 422],
});
