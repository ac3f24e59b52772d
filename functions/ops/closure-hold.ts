import { holdClosure } from '../../lib/closure/hold.js';
import { closureHoldRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(closureHoldRoute, async ({ operator, params, body, request }) => ({
  body: await holdClosure(operator, params.accountId, body.reason, request),
}));
