import { httpHandler } from '../../lib/app/http.js';
import { getCustomerDisassociationChecksRoute } from '../../lib/partners/get-customer-disassociation-checks-route.js';
import { getCustomerDisassociationChecks } from '../../lib/partners/getCustomerDisassociationChecks.js';

export const handler = httpHandler(getCustomerDisassociationChecksRoute, async ({ caller, params }) => ({
  body: await getCustomerDisassociationChecks(caller, params),
}));
