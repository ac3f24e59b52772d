import { httpHandler } from '../../lib/app/http.js';
import { disableServices } from '../../lib/closure/disableServices.js';
import { disableServicesRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(disableServicesRoute, async ({ caller, body }) => ({ body: await disableServices(caller, body) }));
