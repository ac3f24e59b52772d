import { httpHandler } from '../../lib/app/http.js';
import { closeServices } from '../../lib/closure/closeServices.js';
import { closeServicesRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(closeServicesRoute, async ({ caller, body }) => ({ body: await closeServices(caller, body) }));
