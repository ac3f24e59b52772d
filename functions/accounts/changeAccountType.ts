import { changeAccountType } from '../../lib/accounts/changeAccountType.js';
import { changeAccountTypeRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeAccountTypeRoute, async ({ body, caller }) => ({ body: await changeAccountType(caller, body) }));
