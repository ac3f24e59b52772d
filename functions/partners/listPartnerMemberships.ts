import { httpHandler } from '../../lib/app/http.js';
import { listPartnerMemberships } from '../../lib/partners/listPartnerMemberships.js';
import { listPartnerMembershipsRoute } from '../../lib/partners/membership-route.js';

export const handler = httpHandler(listPartnerMembershipsRoute, async ({ caller }) => ({ body: await listPartnerMemberships(caller) }));
