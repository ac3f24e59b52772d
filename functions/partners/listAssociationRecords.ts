import { httpHandler } from '../../lib/app/http.js';
import { listAssociationRecordsRoute } from '../../lib/partners/partner-customers-route.js';
import { listAssociationRecords } from '../../lib/partners/listAssociationRecords.js';

export const handler = httpHandler(listAssociationRecordsRoute, async ({ caller, query }) => ({
  body: await listAssociationRecords(caller, query),
}));
