/** The master's disassociation requests (issue 12, R-MM-01..03): request and cancel. */
import * as z from 'zod/mini';
import { defineRoute } from '../core/http/route.js';
import { isoTime } from '../core/http/schemas.js';
import { opaqueId } from './schemas.js';

export const requestMemberDisassociationRoute = defineRoute({
  operationId: 'requestMemberDisassociation',
  method: 'POST',
  path: '/v1/enterprise/members/{memberId}/disassociation-requests',
  summary:
    'The master asks to end the association with a member (R-MM-01); the member must have no unpaid orders and not be suspended, the master not suspended (R-MM-03, each failure named); one open request per pair',
  tags: ['enterprise'],
  auth: 'session',
  params: z.strictObject({ memberId: opaqueId }),
  success: {
    status: 201,
    description: 'The request is pending until the member answers, the master cancels it or it lapses',
    schema: z.object({ requestId: z.string(), status: z.literal('pending'), memberAccountId: z.string(), expiresAt: isoTime }),
  },
  errors: [403, 404, 409, 422],
});

export const cancelMemberDisassociationRoute = defineRoute({
  operationId: 'cancelMemberDisassociation',
  method: 'DELETE',
  path: '/v1/enterprise/disassociation-requests/{requestId}',
  summary: 'The master cancels its disassociation request while it is pending (R-MM-02: not after the member agreed)',
  tags: ['enterprise'],
  auth: 'session',
  params: z.strictObject({ requestId: opaqueId }),
  success: {
    status: 200,
    description: 'The request is canceled; the association continues',
    schema: z.object({ requestId: z.string(), status: z.literal('canceled') }),
  },
  errors: [403, 404, 422],
});
