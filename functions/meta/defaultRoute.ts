import { httpHandler } from '../../lib/app/http.js';
import { defaultRoute, unmatched } from '../../lib/app/default-route.js';
import routeTable from '../../lib/app/route-table.generated.json';

/**
 * The HTTP API's $default route (issue 9 item 15): every request no other route matched, judged on the generated route
 * table (methods and paths only: the route specs and their schemas stay out of this bundle).
 */
export const handler = httpHandler(defaultRoute, ({ request }) =>
  unmatched(routeTable as Parameters<typeof unmatched>[0], request.method ?? '', request.path ?? ''),
);
