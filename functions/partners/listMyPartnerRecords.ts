import { httpHandler } from '../../lib/app/http.js';
import { listMyPartnerRecordsRoute } from '../../lib/partners/partner-customers-route.js';
import { listMyPartnerRecords } from '../../lib/partners/listMyPartnerRecords.js';

export const handler = httpHandler(listMyPartnerRecordsRoute, async ({ caller, query }) => ({
  body: await listMyPartnerRecords(caller, query),
}));
