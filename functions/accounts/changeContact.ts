import { changeContact } from '../../lib/accounts/change-account.js';
import { contactRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(contactRoute, async ({ body, session, request }) => ({
  body: await changeContact(session, body, request),
}));
