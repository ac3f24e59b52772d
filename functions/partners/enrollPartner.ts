import { httpHandler } from '../../lib/app/http.js';
import { enrollPartner } from '../../lib/partners/enrollPartner.js';
import { enrollPartnerRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(enrollPartnerRoute, async ({ caller, body }) => ({ body: await enrollPartner(caller, body) }));
