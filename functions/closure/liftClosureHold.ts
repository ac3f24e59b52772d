import { httpHandler } from '../../lib/app/http.js';
import { liftClosureHold } from '../../lib/closure/liftClosureHold.js';
import { liftClosureHoldRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(liftClosureHoldRoute, async ({ caller, params }) => ({
  body: await liftClosureHold(caller, { accountId: params.accountId }),
}));
