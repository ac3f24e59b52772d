import { httpHandler } from '../../lib/app/http.js';
import { verifyLogin } from '../../lib/sessions/login.js';
import { loginVerifyRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(loginVerifyRoute, async ({ params, body, request }) => ({
  body: await verifyLogin(params.challengeId, body, request),
}));
