import { httpHandler } from '../../lib/app/http.js';
import { revealPartnerCustomerContactRoute } from '../../lib/partners/partner-customers-route.js';
import { revealPartnerCustomerContact } from '../../lib/partners/revealPartnerCustomerContact.js';

export const handler = httpHandler(revealPartnerCustomerContactRoute, async ({ caller, params }) => ({
  body: await revealPartnerCustomerContact(caller, params),
}));
