import { viewLatestCheck } from '../../lib/closure/check.js';
import { latestCheckRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(latestCheckRoute, async ({ session }) => ({ body: await viewLatestCheck(session) }));
