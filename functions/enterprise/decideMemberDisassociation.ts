import { httpHandler } from '../../lib/app/http.js';
import { decideMemberDisassociationRoute } from '../../lib/enterprise/decide-member-disassociation-route.js';
import { decideMemberDisassociation } from '../../lib/enterprise/decideMemberDisassociation.js';

export const handler = httpHandler(decideMemberDisassociationRoute, async ({ caller, body, params }) => ({
  body: await decideMemberDisassociation(caller, { requestId: params.requestId, accept: body.accept }),
}));
