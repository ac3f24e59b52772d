import { closureStatus } from '../../lib/closure/close.js';
import { closureStatusRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(closureStatusRoute, async ({ session }) => ({ body: await closureStatus(session) }));
