import { httpHandler } from '../../lib/app/http.js';
import { sendLoginCode } from '../../lib/sessions/login.js';
import { loginCodeRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(loginCodeRoute, async ({ params, body, request }) => ({
  body: await sendLoginCode(params.challengeId, body.channel, request),
}));
