import { changeNames } from '../../lib/accounts/change-account.js';
import { namesRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(namesRoute, async ({ body, session, request }) => ({
  body: await changeNames(session, body, request),
}));
