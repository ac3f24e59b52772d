import { httpHandler } from '../../lib/app/http.js';
import { withdrawRealNameApplicationRoute } from '../../lib/realname/applications-route.js';
import { withdrawRealNameApplication } from '../../lib/realname/withdrawRealNameApplication.js';

export const handler = httpHandler(withdrawRealNameApplicationRoute, async ({ caller, params }) => ({
  body: await withdrawRealNameApplication(caller, { applicationId: params.applicationId }),
}));
