import { httpHandler } from '../../lib/app/http.js';
import { setCustomerBudgetRoute } from '../../lib/partners/routes.js';
import { setCustomerBudget } from '../../lib/partners/setCustomerBudget.js';

export const handler = httpHandler(setCustomerBudgetRoute, async ({ caller, params, body }) => ({
  body: await setCustomerBudget(caller, { customerId: params.customerId, ...body }),
}));
