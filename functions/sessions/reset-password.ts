import { resetPassword } from '../../lib/accounts/changePassword.js';
import { httpHandler } from '../../lib/app/http.js';
import { passwordResetRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(passwordResetRoute, async ({ body, request }) => {
  await resetPassword(body, request);
  return {};
});
