import { httpHandler } from '../../lib/app/http.js';
import { getPartner } from '../../lib/partners/getPartner.js';
import { getPartnerRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(getPartnerRoute, async ({ caller }) => ({ body: await getPartner(caller) }));
