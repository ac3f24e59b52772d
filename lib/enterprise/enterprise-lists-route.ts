/** The master's sent invitations (issue 12 route 4) and both sides' association records (route 14). */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime, paginationQuery } from '../core/http/schemas.js';
import { accountingMode, permissions } from './schemas.js';

export const listEnterpriseInvitationsRoute = defineRoute({
  operationId: 'listEnterpriseInvitations',
  method: 'GET',
  path: '/v1/enterprise/invitations',
  summary: 'The invitations the master sent, newest first (R-MM-07)',
  tags: ['enterprise'],
  auth: 'session',
  query: z.strictObject({ ...paginationQuery }),
  success: {
    status: 200,
    description: 'Invitations',
    schema: z.object({
      items: z.array(
        z.object({
          invitationId: z.string(),
          memberAccountId: z.string(),
          accountingMode,
          permissions,
          status: z.enum(['pending', 'accepted', 'rejected', 'canceled', 'expired']),
          createdAt: isoTime,
          expiresAt: isoTime,
          decidedAt: z.optional(isoTime),
        }),
      ),
      nextCursor: z.optional(z.string()),
    }),
  },
  errors: [403],
});

const fromTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const recordsQuery = z
  .strictObject({ from: z.optional(isoTime), to: z.optional(isoTime), ...paginationQuery })
  .check(z.refine(fromTo, { message: '`from` must not be after `to`.', path: ['from'] }));
const recordsPage = z.object({
  items: z.array(
    z.object({
      event: z.string(),
      time: isoTime,
      actor: z.string().check(z.meta({ description: '`master:<accountId>`, `member:<accountId>`, `system` or `operator`' })),
      masterAccountId: z.string(),
      memberAccountId: z.string(),
      accountingMode: z.optional(accountingMode),
      permissions: z.optional(permissions),
      requestId: z.optional(z.string()),
    }),
  ),
  nextCursor: z.optional(z.string()),
});

export const listEnterpriseRecordsRoute = defineRoute({
  operationId: 'listEnterpriseRecords',
  method: 'GET',
  path: '/v1/enterprise/records',
  summary: "The master's association records (invitations, associations, permissions, disassociations), newest first, permanent",
  tags: ['enterprise'],
  auth: 'session',
  query: recordsQuery,
  success: { status: 200, description: 'Records', schema: recordsPage },
  errors: [403],
});

export const listMasterAccountRecordsRoute = defineRoute({
  operationId: 'listMasterAccountRecords',
  method: 'GET',
  path: '/v1/master-account/records',
  summary: "The account's own enterprise association records, newest first, permanent (also after disassociation)",
  tags: ['enterprise'],
  auth: 'session',
  query: recordsQuery,
  success: { status: 200, description: 'Records', schema: recordsPage },
});
