import { queryAuditTraces } from '../../lib/audit/queryAuditTraces.js';
import { queryAuditTracesRoute } from '../../lib/audit/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(queryAuditTracesRoute, async ({ query, caller }) => ({ body: await queryAuditTraces(caller, query) }));
