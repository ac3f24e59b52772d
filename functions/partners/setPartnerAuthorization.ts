import { httpHandler } from '../../lib/app/http.js';
import { setPartnerAuthorizationRoute } from '../../lib/partners/routes.js';
import { setPartnerAuthorization } from '../../lib/partners/setPartnerAuthorization.js';

export const handler = httpHandler(setPartnerAuthorizationRoute, async ({ caller, body }) => ({
  body: await setPartnerAuthorization(caller, body),
}));
