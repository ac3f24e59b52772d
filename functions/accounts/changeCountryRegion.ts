import { changeCountryRegion } from '../../lib/accounts/changeCountryRegion.js';
import { changeCountryRegionRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changeCountryRegionRoute, async ({ body, caller }) => ({
  body: await changeCountryRegion(caller, body),
}));
