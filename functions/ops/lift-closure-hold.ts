import { liftClosureHold } from '../../lib/closure/hold.js';
import { liftClosureHoldRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(liftClosureHoldRoute, async ({ operator, params, request }) => ({
  body: await liftClosureHold(operator, params.accountId, request),
}));
