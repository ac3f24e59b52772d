import { httpHandler } from '../../lib/app/http.js';
import { allRoutes } from '../../lib/app/routes.js';
import { defaultRoute, unmatched } from '../../lib/app/default-route.js';

/** The HTTP API's $default route (issue 9 item 15): every request no other route matched. */
export const handler = httpHandler(defaultRoute, ({ request }) => unmatched(allRoutes, request.method ?? '', request.path ?? ''));
