import { httpHandler } from '../../lib/app/http.js';
import { decideDisassociationAsCustomer } from '../../lib/partners/decideDisassociationAsCustomer.js';
import { decideDisassociationAsCustomerRoute } from '../../lib/partners/decide-disassociation-as-customer-route.js';

export const handler = httpHandler(decideDisassociationAsCustomerRoute, async ({ body, caller, params }) => ({
  body: await decideDisassociationAsCustomer(caller, { ...body, requestId: params.requestId }),
}));
