import { viewLatestCheck } from '../../lib/closure/check.js';
import { latestCheckRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/http/handler.js';

export const handler = httpHandler(latestCheckRoute, async ({ session }) => ({ body: await viewLatestCheck(session) }));
