import { httpHandler } from '../../lib/app/http.js';
import { addPartnerMember } from '../../lib/partners/addPartnerMember.js';
import { addPartnerMemberRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(addPartnerMemberRoute, async ({ caller, body }) => ({ body: await addPartnerMember(caller, body) }));
