import { httpHandler } from '../../lib/app/http.js';
import { startLogin } from '../../lib/sessions/login.js';
import { loginRoute } from '../../lib/sessions/routes.js';

export const handler = httpHandler(loginRoute, async ({ body, request }) => startLogin(body, request));
