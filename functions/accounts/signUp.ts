import { signUpRoute } from '../../lib/accounts/routes.js';
import { signUp } from '../../lib/accounts/signUp.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(signUpRoute, async ({ body, request }) => ({ body: await signUp(body, request) }));
