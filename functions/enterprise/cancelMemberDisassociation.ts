import { httpHandler } from '../../lib/app/http.js';
import { cancelMemberDisassociation } from '../../lib/enterprise/cancelMemberDisassociation.js';
import { cancelMemberDisassociationRoute } from '../../lib/enterprise/member-disassociation-route.js';

export const handler = httpHandler(cancelMemberDisassociationRoute, async ({ caller, params }) => ({
  body: await cancelMemberDisassociation(caller, { requestId: params.requestId }),
}));
