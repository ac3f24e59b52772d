import { changePassword } from '../../lib/accounts/changePassword.js';
import { changePasswordRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(changePasswordRoute, async ({ body, caller }) => {
  await changePassword(caller, body);
  return {};
});
