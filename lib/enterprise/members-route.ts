/** The master's members (issue 12 routes 12 and 13): the list, and the order windows of one (R-MM-05). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, paginationQuery } from '../core/http/schemas.js';
import { accountingMode, opaqueId, permissions } from './schemas.js';

export const listEnterpriseMembersRoute = defineRoute({
  operationId: 'listEnterpriseMembers',
  method: 'GET',
  path: '/v1/enterprise/members',
  summary:
    "The master's members with their accounting mode (R-MM-06), granted permissions (R-MM-08) and pending disassociation request (R-MM-02). A page may hold fewer items than `limit` and still have a cursor.",
  tags: ['enterprise'],
  auth: 'session',
  query: z.strictObject({ ...paginationQuery }),
  success: {
    status: 200,
    description: 'Members',
    schema: z.object({
      items: z.array(
        z.object({
          memberAccountId: z.string(),
          accountingMode,
          permissions,
          requestedPermissions: permissions,
          associatedAt: isoTime,
          createdByMaster: z.boolean(),
          pendingDisassociation: z.optional(z.object({ requestId: z.string(), createdAt: isoTime })),
        }),
      ),
      nextCursor: z.optional(z.string()),
    }),
  },
  errors: [403],
});

export const getMemberOrderWindowsRoute = defineRoute({
  operationId: 'getMemberOrderWindows',
  method: 'GET',
  path: '/v1/enterprise/members/{memberId}/order-windows',
  summary:
    'The windows in which the account was this master’s member (R-MM-05): orders placed in one stay visible to the master after disassociation; the current association is an open window',
  tags: ['enterprise'],
  auth: 'session',
  params: z.strictObject({ memberId: opaqueId }),
  success: {
    status: 200,
    description: 'Order windows, oldest first',
    schema: z.object({
      memberAccountId: z.string(),
      windows: z.array(z.object({ from: isoTime, to: z.optional(isoTime), accountingMode: z.optional(accountingMode) })),
    }),
  },
  errors: [403, 404],
});
