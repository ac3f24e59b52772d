import { runClosureCheck } from '../../lib/closure/check.js';
import { closureCheckRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(closureCheckRoute, async ({ body, session, request }) => ({
  body: await runClosureCheck(session, body, request),
}));
