import { httpHandler } from '../../lib/app/http.js';
import { login } from '../../lib/sessions/login.js';
import { loginRoute } from '../../lib/sessions/routes.js';

/** A trusted device gets its session at once (201); otherwise the second step opens (200). */
export const handler = httpHandler(loginRoute, async ({ body, caller }) => {
  const { kind, ...answer } = await login(caller, body);
  return { status: kind === 'signed-in' ? 201 : 200, body: answer };
});
