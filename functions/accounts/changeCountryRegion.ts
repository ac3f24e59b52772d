import { changeCountryRegion } from '../../lib/accounts/enableServices.js';
import { countryRegionRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(countryRegionRoute, async ({ body, session }) => ({
  body: await changeCountryRegion(session, body.countryRegion),
}));
