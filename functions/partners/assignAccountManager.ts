import { httpHandler } from '../../lib/app/http.js';
import { assignAccountManager } from '../../lib/partners/assignAccountManager.js';
import { assignAccountManagerRoute } from '../../lib/partners/routes.js';

export const handler = httpHandler(assignAccountManagerRoute, async ({ caller, params, body }) => ({
  body: await assignAccountManager(caller, params.customerId, body),
}));
