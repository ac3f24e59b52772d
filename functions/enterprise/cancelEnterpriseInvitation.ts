import { httpHandler } from '../../lib/app/http.js';
import { cancelEnterpriseInvitation } from '../../lib/enterprise/cancelEnterpriseInvitation.js';
import { cancelEnterpriseInvitationRoute } from '../../lib/enterprise/invitations-route.js';

export const handler = httpHandler(cancelEnterpriseInvitationRoute, async ({ caller, params }) => ({
  body: await cancelEnterpriseInvitation(caller, { invitationId: params.invitationId }),
}));
