import { holdClosure } from '../../lib/closure/hold.js';
import { closureHoldRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/http/handler.js';

export const handler = httpHandler(closureHoldRoute, async ({ params, body }) => ({ body: await holdClosure(params.accountId, body.reason) }));
