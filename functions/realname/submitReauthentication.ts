import { httpHandler } from '../../lib/app/http.js';
import { submitReauthenticationRoute } from '../../lib/realname/reauth-route.js';
import { submitReauthentication } from '../../lib/realname/submitReauthentication.js';

export const handler = httpHandler(submitReauthenticationRoute, async ({ caller, body }) => ({
  body: await submitReauthentication(caller, body),
}));
