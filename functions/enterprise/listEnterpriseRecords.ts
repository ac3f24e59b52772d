import { httpHandler } from '../../lib/app/http.js';
import { listEnterpriseRecordsRoute } from '../../lib/enterprise/enterprise-lists-route.js';
import { listEnterpriseRecords } from '../../lib/enterprise/listEnterpriseRecords.js';

export const handler = httpHandler(listEnterpriseRecordsRoute, async ({ caller, query }) => ({
  body: await listEnterpriseRecords(caller, query),
}));
