import { httpHandler } from '../../lib/app/http.js';
import { requestCustomerDisassociationRoute } from '../../lib/partners/request-customer-disassociation-route.js';
import { requestCustomerDisassociation } from '../../lib/partners/requestCustomerDisassociation.js';

export const handler = httpHandler(requestCustomerDisassociationRoute, async ({ body, caller, params }) => ({
  body: await requestCustomerDisassociation(caller, { ...body, customerId: params.customerId }),
}));
