import { changeIndustry } from '../../lib/accounts/change-account.js';
import { industryRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(industryRoute, async ({ body, session, request }) => ({
  body: await changeIndustry(session, body, request),
}));
