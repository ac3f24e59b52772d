import { httpHandler } from '../../lib/app/http.js';
import { listRealNameApplications } from '../../lib/realname/listRealNameApplications.js';
import { listRealNameApplicationsRoute } from '../../lib/realname/ops-route.js';

export const handler = httpHandler(listRealNameApplicationsRoute, async ({ caller, query }) => ({
  body: await listRealNameApplications(caller, query),
}));
