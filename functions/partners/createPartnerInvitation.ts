import { httpHandler } from '../../lib/app/http.js';
import { createPartnerInvitation } from '../../lib/partners/createPartnerInvitation.js';
import { createPartnerInvitationRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(createPartnerInvitationRoute, async ({ caller, body }) => ({
  body: await createPartnerInvitation(caller, body),
}));
