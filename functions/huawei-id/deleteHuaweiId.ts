import { httpHandler } from '../../lib/app/http.js';
import { deleteHuaweiId } from '../../lib/huawei-id/deleteHuaweiId.js';
import { deleteHuaweiIdRoute } from '../../lib/huawei-id/routes.js';

export const handler = httpHandler(deleteHuaweiIdRoute, async ({ body, caller }) => {
  await deleteHuaweiId(caller, body);
  return {};
});
