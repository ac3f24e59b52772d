import { httpHandler } from '../../lib/app/http.js';
import { listEnterpriseInvitationsRoute } from '../../lib/enterprise/enterprise-lists-route.js';
import { listEnterpriseInvitations } from '../../lib/enterprise/listEnterpriseInvitations.js';

export const handler = httpHandler(listEnterpriseInvitationsRoute, async ({ caller, query }) => ({
  body: await listEnterpriseInvitations(caller, query),
}));
