import { httpHandler } from '../../lib/app/http.js';
import { decideRealNameApplicationRoute } from '../../lib/realname/decision-route.js';
import { decideRealNameApplication } from '../../lib/realname/decideRealNameApplication.js';

export const handler = httpHandler(decideRealNameApplicationRoute, async ({ caller, params, body }) => ({
  body: await decideRealNameApplication(caller, { applicationId: params.applicationId, ...body }),
}));
