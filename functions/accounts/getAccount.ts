import { getAccount } from '../../lib/accounts/getAccount.js';
import { getAccountRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(getAccountRoute, async ({ query, caller }) => ({ body: await getAccount(caller, query) }));
