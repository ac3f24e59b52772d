import { getAccountRoute } from '../../lib/accounts/routes.js';
import { viewAccount } from '../../lib/accounts/getAccount.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(getAccountRoute, async ({ query, session }) => ({
  body: await viewAccount(session, query.reveal),
}));
