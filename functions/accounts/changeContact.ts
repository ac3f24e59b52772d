import { changeContact } from '../../lib/accounts/changeContact.js';
import { changeContactRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeContactRoute, async ({ body, caller }) => ({ body: await changeContact(caller, body) }));
