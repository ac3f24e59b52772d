import { httpHandler } from '../../lib/app/http.js';
import { logout } from '../../lib/sessions/login.js';
import { logoutRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(logoutRoute, async ({ session, request }) => {
  await logout(session, request);
  return {};
});
