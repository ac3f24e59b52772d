import { httpHandler } from '../../lib/http/handler.js';
import { allRoutes } from '../../lib/http/routes.js';
import { defaultRoute, unmatched } from '../../lib/meta/default-route.js';

/** The HTTP API's $default route (issue 9 item 15): every request no other route matched. */
export const handler = httpHandler(defaultRoute, ({ request }) => unmatched(allRoutes, request.method ?? '', request.path ?? ''));
