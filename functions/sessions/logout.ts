import { httpHandler } from '../../lib/app/http.js';
import { logout } from '../../lib/sessions/logout.js';
import { logoutRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(logoutRoute, async ({ caller }) => {
  await logout(caller);
  return {};
});
