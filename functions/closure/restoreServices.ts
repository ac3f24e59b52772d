import { httpHandler } from '../../lib/app/http.js';
import { restoreServices } from '../../lib/closure/restoreServices.js';
import { restoreServicesRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(restoreServicesRoute, async ({ caller }) => ({ body: await restoreServices(caller) }));
