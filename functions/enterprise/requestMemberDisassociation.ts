import { httpHandler } from '../../lib/app/http.js';
import { requestMemberDisassociationRoute } from '../../lib/enterprise/member-disassociation-route.js';
import { requestMemberDisassociation } from '../../lib/enterprise/requestMemberDisassociation.js';

export const handler = httpHandler(requestMemberDisassociationRoute, async ({ caller, params }) => ({
  body: await requestMemberDisassociation(caller, { memberId: params.memberId }),
}));
