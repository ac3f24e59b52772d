import { resetPassword } from '../../lib/accounts/passwords.js';
import { httpHandler } from '../../lib/app/http.js';
import { resetPasswordRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(resetPasswordRoute, async ({ body, request }) => {
  await resetPassword(body, request);
  return {};
});
