import { httpHandler } from '../../lib/app/http.js';
import { getLatestClosureCheck } from '../../lib/closure/getLatestClosureCheck.js';
import { getLatestClosureCheckRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(getLatestClosureCheckRoute, async ({ caller }) => ({ body: await getLatestClosureCheck(caller) }));
