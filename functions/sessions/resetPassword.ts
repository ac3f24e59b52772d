import { resetPassword } from '../../lib/accounts/resetPassword.js';
import { httpHandler } from '../../lib/app/http.js';
import { resetPasswordRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(resetPasswordRoute, async ({ body, caller }) => {
  await resetPassword(caller, body);
  return {};
});
