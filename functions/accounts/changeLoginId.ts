import { changeLoginId } from '../../lib/accounts/changeLoginId.js';
import { changeLoginIdRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeLoginIdRoute, async ({ body, caller }) => ({ body: await changeLoginId(caller, body) }));
