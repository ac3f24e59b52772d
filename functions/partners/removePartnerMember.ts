import { httpHandler } from '../../lib/app/http.js';
import { removePartnerMemberRoute } from '../../lib/partners/membership-route.js';
import { removePartnerMember } from '../../lib/partners/removePartnerMember.js';

export const handler = httpHandler(removePartnerMemberRoute, async ({ caller, params }) => ({
  body: await removePartnerMember(caller, params.accountId),
}));
