import { httpHandler } from '../../lib/app/http.js';
import { getRealNameApplication } from '../../lib/realname/getRealNameApplication.js';
import { getRealNameApplicationRoute } from '../../lib/realname/ops-route.js';

export const handler = httpHandler(getRealNameApplicationRoute, async ({ caller, params }) => ({
  body: await getRealNameApplication(caller, { applicationId: params.applicationId }),
}));
