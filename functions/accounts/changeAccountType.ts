import { changeAccountType } from '../../lib/accounts/change-account.js';
import { accountTypeRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(accountTypeRoute, async ({ body, session, request }) => ({
  body: await changeAccountType(session, body, request),
}));
