import { httpHandler } from '../../lib/app/http.js';
import { putStanding } from '../../lib/closure/putStanding.js';
import { putStandingRoute } from '../../lib/closure/routes.js';

export const handler = httpHandler(putStandingRoute, async ({ caller, params, body }) => ({
  body: await putStanding(caller, { accountId: params.accountId, standing: body }),
}));
