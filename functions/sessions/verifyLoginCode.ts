import { httpHandler } from '../../lib/app/http.js';
import { verifyLoginCodeRoute } from '../../lib/sessions/routes.js';
import { verifyLoginCode } from '../../lib/sessions/verifyLoginCode.js';

export const handler = httpHandler(verifyLoginCodeRoute, async ({ params, body, caller }) => ({
  body: await verifyLoginCode(caller, { challengeId: params.challengeId, ...body }),
}));
