import { httpHandler } from '../../lib/app/http.js';
import { createEnterpriseMemberRoute } from '../../lib/enterprise/create-member-route.js';
import { createEnterpriseMember } from '../../lib/enterprise/createEnterpriseMember.js';

export const handler = httpHandler(createEnterpriseMemberRoute, async ({ caller, body }) => ({
  body: await createEnterpriseMember(caller, body),
}));
