import { changeServiceContact } from '../../lib/accounts/service-contact.js';
import { serviceEmailRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(serviceEmailRoute, async ({ body, session, request }) => ({
  body: await changeServiceContact('email', session, { identity: body.identity, next: body.newEmail }, request),
}));
