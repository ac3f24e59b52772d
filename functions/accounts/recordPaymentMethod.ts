import { recordPaymentMethod } from '../../lib/accounts/recordPaymentMethod.js';
import { recordPaymentMethodRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(recordPaymentMethodRoute, async ({ params, body, caller }) => ({
  body: await recordPaymentMethod(caller, { ...body, accountId: params.accountId }),
}));
