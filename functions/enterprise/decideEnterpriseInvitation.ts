import { httpHandler } from '../../lib/app/http.js';
import { decideEnterpriseInvitationRoute } from '../../lib/enterprise/decide-invitation-route.js';
import { decideEnterpriseInvitation } from '../../lib/enterprise/decideEnterpriseInvitation.js';

export const handler = httpHandler(decideEnterpriseInvitationRoute, async ({ caller, body, params }) => ({
  body: await decideEnterpriseInvitation(caller, { ...body, invitationId: params.invitationId }),
}));
