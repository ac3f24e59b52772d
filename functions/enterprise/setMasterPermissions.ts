import { httpHandler } from '../../lib/app/http.js';
import { setMasterPermissionsRoute } from '../../lib/enterprise/master-account-route.js';
import { setMasterPermissions } from '../../lib/enterprise/setMasterPermissions.js';

export const handler = httpHandler(setMasterPermissionsRoute, async ({ caller, body }) => ({
  body: await setMasterPermissions(caller, body),
}));
