import { closureStatus } from '../../lib/closure/close.js';
import { closureStatusRoute } from '../../lib/closure/routes.js';
import { httpHandler } from '../../lib/http/handler.js';

export const handler = httpHandler(closureStatusRoute, async ({ session }) => ({ body: await closureStatus(session) }));
