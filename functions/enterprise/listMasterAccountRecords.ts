import { httpHandler } from '../../lib/app/http.js';
import { listMasterAccountRecordsRoute } from '../../lib/enterprise/enterprise-lists-route.js';
import { listMasterAccountRecords } from '../../lib/enterprise/listMasterAccountRecords.js';

export const handler = httpHandler(listMasterAccountRecordsRoute, async ({ caller, query }) => ({
  body: await listMasterAccountRecords(caller, query),
}));
