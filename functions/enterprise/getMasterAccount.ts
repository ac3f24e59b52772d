import { httpHandler } from '../../lib/app/http.js';
import { getMasterAccountRoute } from '../../lib/enterprise/master-account-route.js';
import { getMasterAccount } from '../../lib/enterprise/getMasterAccount.js';

export const handler = httpHandler(getMasterAccountRoute, async ({ caller }) => ({ body: await getMasterAccount(caller) }));
