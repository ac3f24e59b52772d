import { queryTraces } from '../../lib/audit/queryAuditTraces.js';
import { auditTracesRoute } from '../../lib/audit/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(auditTracesRoute, async ({ query, session }) => ({ body: await queryTraces(session, query) }));
