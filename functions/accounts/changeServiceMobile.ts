import { changeServiceMobile } from '../../lib/accounts/changeServiceMobile.js';
import { changeServiceMobileRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeServiceMobileRoute, async ({ body, caller }) => ({
  body: await changeServiceMobile(caller, body),
}));
