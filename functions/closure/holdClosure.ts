import { httpHandler } from '../../lib/app/http.js';
import { holdClosure } from '../../lib/closure/holdClosure.js';
import { holdClosureRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(holdClosureRoute, async ({ caller, params, body }) => ({
  body: await holdClosure(caller, { accountId: params.accountId, reason: body.reason }),
}));
