import { httpHandler } from '../../lib/app/http.js';
import { listEnterpriseMembersRoute } from '../../lib/enterprise/members-route.js';
import { listEnterpriseMembers } from '../../lib/enterprise/listEnterpriseMembers.js';

export const handler = httpHandler(listEnterpriseMembersRoute, async ({ caller, query }) => ({
  body: await listEnterpriseMembers(caller, query),
}));
