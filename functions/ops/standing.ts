import { standingRoute } from '../../lib/closure/routes.js';
import { storeStanding } from '../../lib/closure/standing.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(standingRoute, async ({ operator, params, body, request }) => ({
  body: await storeStanding(operator, params.accountId, body, request),
}));
