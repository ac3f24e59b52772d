import { changeIndustry } from '../../lib/accounts/changeIndustry.js';
import { changeIndustryRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeIndustryRoute, async ({ body, caller }) => ({ body: await changeIndustry(caller, body) }));
