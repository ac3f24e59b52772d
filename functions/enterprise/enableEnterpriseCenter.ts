import { httpHandler } from '../../lib/app/http.js';
import { enableEnterpriseCenter } from '../../lib/enterprise/enableEnterpriseCenter.js';
import { enableEnterpriseCenterRoute } from '../../lib/enterprise/enterprise-center-route.js';

export const handler = httpHandler(enableEnterpriseCenterRoute, async ({ caller }) => ({ body: await enableEnterpriseCenter(caller) }));
