import { httpHandler } from '../../lib/app/http.js';
import { decidePartnerMembership } from '../../lib/partners/decidePartnerMembership.js';
import { decidePartnerMembershipRoute } from '../../lib/partners/membership-route.js';

export const handler = httpHandler(decidePartnerMembershipRoute, async ({ body, caller, params }) => ({
  body: await decidePartnerMembership(caller, { ...body, requestId: params.requestId }),
}));
