import { httpHandler } from '../../lib/app/http.js';
import { associatePartner } from '../../lib/partners/associatePartner.js';
import { associatePartnerRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(associatePartnerRoute, async ({ caller, body }) => ({ body: await associatePartner(caller, body) }));
