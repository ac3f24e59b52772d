import { httpHandler } from '../../lib/app/http.js';
import { authorizePurchase } from '../../lib/partners/authorizePurchase.js';
import { authorizePurchaseRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(authorizePurchaseRoute, async ({ caller, body }) => ({ body: await authorizePurchase(caller, body) }));
