/** The master's invitations (issue 12, R-MM-01, R-MM-06..08): send and cancel. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { accountingMode, opaqueId, permissions } from './schemas.js';

export const inviteEnterpriseMemberRoute = defineRoute({
  operationId: 'inviteEnterpriseMember',
  method: 'POST',
  path: '/v1/enterprise/invitations',
  summary:
    'The master invites an account to be its member, naming the accounting mode (R-MM-06) and the permissions it requests (R-MM-08); pending for 15 days (R-MM-07)',
  tags: ['enterprise'],
  auth: 'session',
  idempotent: true,
  body: z.strictObject({ memberAccountId: opaqueId, accountingMode, permissions: z.optional(permissions) }),
  success: {
    status: 201,
    description: 'The invitation is pending until the account answers or it lapses',
    schema: z.object({
      invitationId: z.string(),
      status: z.literal('pending'),
      expiresAt: isoTime,
      memberAccountId: z.string(),
      accountingMode,
      permissions,
    }),
  },
  errors: [403, 404, 409, 422],
});

export const cancelEnterpriseInvitationRoute = defineRoute({
  operationId: 'cancelEnterpriseInvitation',
  method: 'DELETE',
  path: '/v1/enterprise/invitations/{invitationId}',
  summary: 'The master cancels a pending invitation it sent (R-MM-07: only the master cancels)',
  tags: ['enterprise'],
  auth: 'session',
  params: z.strictObject({ invitationId: opaqueId }),
  success: {
    status: 200,
    description: 'The invitation is canceled (or, when it had lapsed already, expired: its slot is given back either way)',
    schema: z.object({ invitationId: z.string(), status: z.enum(['canceled', 'expired']) }),
  },
  errors: [403, 404, 422],
});
