import { disableServices } from '../../lib/closure/close.js';
import { disableRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(disableRoute, async ({ body, session, request }) => ({
  body: await disableServices(session, body.verification, request),
}));
