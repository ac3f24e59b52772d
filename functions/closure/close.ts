import { closeServices } from '../../lib/closure/close.js';
import { closeRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(closeRoute, async ({ body, session, request }) => ({
  body: await closeServices(session, body.checkId, request),
}));
