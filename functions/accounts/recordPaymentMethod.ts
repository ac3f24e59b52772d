import { recordPaymentMethod } from '../../lib/accounts/recordPaymentMethod.js';
import { paymentMethodRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(paymentMethodRoute, async ({ operator, params, body, request }) => ({
  body: await recordPaymentMethod(operator, params.accountId, body, request),
}));
