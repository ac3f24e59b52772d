import { httpHandler } from '../../lib/app/http.js';
import { getClosure } from '../../lib/closure/getClosure.js';
import { getClosureRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(getClosureRoute, async ({ caller }) => ({ body: await getClosure(caller) }));
