import { httpHandler } from '../../lib/app/http.js';
import { inviteEnterpriseMember } from '../../lib/enterprise/inviteEnterpriseMember.js';
import { inviteEnterpriseMemberRoute } from '../../lib/enterprise/invitations-route.js';

export const handler = httpHandler(inviteEnterpriseMemberRoute, async ({ caller, body }) => ({
  body: await inviteEnterpriseMember(caller, body),
}));
