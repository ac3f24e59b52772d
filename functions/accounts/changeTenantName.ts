import { changeTenantName } from '../../lib/accounts/changeTenantName.js';
import { changeTenantNameRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeTenantNameRoute, async ({ body, caller }) => ({ body: await changeTenantName(caller, body) }));
