import { enableServices } from '../../lib/accounts/enableServices.js';
import { enableRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(enableRoute, async ({ body, session, request }) => ({
  body: await enableServices(session, body, request),
}));
