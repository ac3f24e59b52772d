import { httpHandler } from '../../lib/app/http.js';
import { sendLoginCodeRoute } from '../../lib/sessions/routes.js';
import { sendLoginCode } from '../../lib/sessions/sendLoginCode.js';

export const handler = httpHandler(sendLoginCodeRoute, async ({ params, body, caller }) => ({
  body: await sendLoginCode(caller, { challengeId: params.challengeId, channel: body.channel }),
}));
