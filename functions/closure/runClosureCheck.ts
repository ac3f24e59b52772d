import { httpHandler } from '../../lib/app/http.js';
import { runClosureCheckRoute } from '../../lib/closure/routes.js';
import { runClosureCheck } from '../../lib/closure/runClosureCheck.js';

export const handler = httpHandler(runClosureCheckRoute, async ({ caller, body }) => ({ body: await runClosureCheck(caller, body) }));
