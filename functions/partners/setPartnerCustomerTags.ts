import { httpHandler } from '../../lib/app/http.js';
import { setPartnerCustomerTagsRoute } from '../../lib/partners/partner-customers-route.js';
import { setPartnerCustomerTags } from '../../lib/partners/setPartnerCustomerTags.js';

export const handler = httpHandler(setPartnerCustomerTagsRoute, async ({ caller, params, body }) => ({
  body: await setPartnerCustomerTags(caller, { customerId: params.customerId, tags: body.tags }),
}));
