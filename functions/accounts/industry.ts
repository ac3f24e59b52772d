import { changeIndustry } from '../../lib/accounts/info.js';
import { industryRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/http/handler.js';

export const handler = httpHandler(industryRoute, async ({ body, session, request }) => ({
  body: await changeIndustry(session, body, request),
}));
