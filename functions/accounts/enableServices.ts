import { enableServices } from '../../lib/accounts/enableServices.js';
import { enableServicesRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(enableServicesRoute, async ({ body, caller }) => ({ body: await enableServices(caller, body) }));
