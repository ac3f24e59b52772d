import { changeNames } from '../../lib/accounts/changeNames.js';
import { changeNamesRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeNamesRoute, async ({ body, caller }) => ({ body: await changeNames(caller, body) }));
