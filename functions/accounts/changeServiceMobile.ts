import { changeServiceContact } from '../../lib/accounts/service-contact.js';
import { serviceMobileRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(serviceMobileRoute, async ({ body, session, request }) => ({
  body: await changeServiceContact('mobile', session, { identity: body.identity, next: body.newMobile }, request),
}));
