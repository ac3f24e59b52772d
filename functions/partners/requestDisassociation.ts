import { httpHandler } from '../../lib/app/http.js';
import { requestDisassociationRoute } from '../../lib/partners/request-disassociation-route.js';
import { requestDisassociation } from '../../lib/partners/requestDisassociation.js';

export const handler = httpHandler(requestDisassociationRoute, async ({ body, caller }) => ({
  body: await requestDisassociation(caller, body),
}));
