import { changeServiceEmail } from '../../lib/accounts/changeServiceEmail.js';
import { changeServiceEmailRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeServiceEmailRoute, async ({ body, caller }) => ({ body: await changeServiceEmail(caller, body) }));
