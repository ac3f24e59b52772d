import { httpHandler } from '../../lib/app/http.js';
import { getRealName } from '../../lib/realname/getRealName.js';
import { getRealNameRoute } from '../../lib/realname/real-name-route.js';

export const handler = httpHandler(getRealNameRoute, async ({ caller }) => ({ body: await getRealName(caller) }));
