import { httpHandler } from '../../lib/app/http.js';
import { listPartnerCustomersRoute } from '../../lib/partners/partner-customers-route.js';
import { listPartnerCustomers } from '../../lib/partners/listPartnerCustomers.js';

export const handler = httpHandler(listPartnerCustomersRoute, async ({ caller, query }) => ({
  body: await listPartnerCustomers(caller, query),
}));
