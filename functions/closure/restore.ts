import { restoreServices } from '../../lib/closure/close.js';
import { restoreRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(restoreRoute, async ({ session, request }) => ({ body: await restoreServices(session, request) }));
