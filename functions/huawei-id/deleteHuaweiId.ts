import { httpHandler } from '../../lib/app/http.js';
// Disabling and purging ask the areas' lifecycle hooks (issue 10): the composition root registers them.
import '../../lib/app/lifecycle.js';
import { deleteHuaweiId } from '../../lib/huawei-id/deleteHuaweiId.js';
import { deleteHuaweiIdRoute } from '../../lib/huawei-id/routes.js';

export const handler = httpHandler(deleteHuaweiIdRoute, async ({ body, caller }) => {
  await deleteHuaweiId(caller, body);
  return {};
});
