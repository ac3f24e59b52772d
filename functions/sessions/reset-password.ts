import { resetPassword } from '../../lib/accounts/resetPassword.js';
import { httpHandler } from '../../lib/app/http.js';
import { passwordResetRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(passwordResetRoute, async ({ body, caller }) => {
  await resetPassword(caller, body);
  return {};
});
