import { httpHandler } from '../../lib/app/http.js';
import { revokePartnerInvitation } from '../../lib/partners/revokePartnerInvitation.js';
import { revokePartnerInvitationRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(revokePartnerInvitationRoute, async ({ caller, params }) => ({
  body: await revokePartnerInvitation(caller, params.invitationId),
}));
