/** The member's My Master Account view (issue 12 routes 5 and 7): the association, invitations, requests, permissions. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { accountingMode, permissions } from './schemas.js';

const permissionsView = z.object({ requested: permissions, granted: permissions });

export const getMasterAccountRoute = defineRoute({
  operationId: 'getMasterAccount',
  method: 'GET',
  path: '/v1/master-account',
  summary:
    "The account's master, accounting mode and permissions (R-MM-06, R-MM-08), whether it is suspended and why (R-MM-04/05), its pending invitations with the impacts of association (R-MM-04) and pending disassociation requests (R-MM-02)",
  tags: ['enterprise'],
  auth: 'session',
  success: {
    status: 200,
    description: 'My Master Account',
    schema: z.object({
      master: z.optional(z.object({ masterAccountId: z.string(), enterpriseName: z.string(), accountingMode, associatedAt: isoTime })),
      permissions: z.optional(permissionsView),
      suspended: z.optional(z.object({ reason: z.enum(['suspended', 'master-suspended', 'payment-method-required']) })),
      invitations: z.array(
        z.object({
          invitationId: z.string(),
          masterAccountId: z.string(),
          enterpriseName: z.string(),
          accountingMode,
          permissions,
          createdAt: isoTime,
          expiresAt: isoTime,
          impacts: z.array(z.string()),
        }),
      ),
      disassociationRequests: z.array(
        z.object({
          requestId: z.string(),
          masterAccountId: z.string(),
          status: z.string(),
          createdAt: isoTime,
          expiresAt: isoTime,
          checks: z.optional(z.unknown()),
        }),
      ),
    }),
  },
});

export const setMasterPermissionsRoute = defineRoute({
  operationId: 'setMasterPermissions',
  method: 'PUT',
  path: '/v1/master-account/permissions',
  summary: 'The member grants or withdraws each permission its master requested (R-MM-08: only requested ones)',
  tags: ['enterprise'],
  auth: 'session',
  body: z.strictObject({ permissions }),
  success: { status: 200, description: 'The permissions now granted', schema: permissionsView },
  errors: [404, 409],
});
