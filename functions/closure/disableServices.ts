import { httpHandler } from '../../lib/app/http.js';
// Disabling and purging ask the areas' lifecycle hooks (issue 10): the composition root registers them.
import '../../lib/app/lifecycle.js';
import { disableServices } from '../../lib/closure/disableServices.js';
import { disableServicesRoute } from '../../lib/closure/disable-route.js';

export const handler = httpHandler(disableServicesRoute, async ({ caller, body }) => ({ body: await disableServices(caller, body) }));
