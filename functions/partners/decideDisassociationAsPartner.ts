import { httpHandler } from '../../lib/app/http.js';
import { decideDisassociationAsPartner } from '../../lib/partners/decideDisassociationAsPartner.js';
import { decideDisassociationAsPartnerRoute } from '../../lib/partners/decide-disassociation-as-partner-route.js';

export const handler = httpHandler(decideDisassociationAsPartnerRoute, async ({ body, caller, params }) => ({
  body: await decideDisassociationAsPartner(caller, { ...body, requestId: params.requestId }),
}));
