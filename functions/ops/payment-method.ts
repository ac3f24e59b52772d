import { recordPaymentMethod } from '../../lib/accounts/payment-method.js';
import { paymentMethodRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/http/handler.js';

export const handler = httpHandler(paymentMethodRoute, async ({ params, body }) => ({
  body: await recordPaymentMethod(params.accountId, body),
}));
