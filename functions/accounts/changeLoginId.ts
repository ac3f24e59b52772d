import { changeLoginId } from '../../lib/accounts/change-account.js';
import { loginIdRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(loginIdRoute, async ({ body, session, request }) => ({
  body: await changeLoginId(session, body.loginId, request),
}));
