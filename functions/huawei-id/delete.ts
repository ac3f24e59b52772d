import { httpHandler } from '../../lib/http/handler.js';
import { deleteHuaweiId } from '../../lib/huawei-id/delete.js';
import { deleteHuaweiIdRoute } from '../../lib/huawei-id/routes.js';

export const handler = httpHandler(deleteHuaweiIdRoute, async ({ body, request }) => {
  await deleteHuaweiId(body, request);
  return {};
});
