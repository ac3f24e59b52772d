import { changeTenantName } from '../../lib/accounts/change-account.js';
import { tenantNameRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(tenantNameRoute, async ({ body, session, request }) => ({
  body: await changeTenantName(session, body.tenantName, request),
}));
