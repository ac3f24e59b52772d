import { signUp } from '../../lib/accounts/signUp.js';
import { signUpRoute } from '../../lib/accounts/routes.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(signUpRoute, async ({ body, caller }) => ({ body: await signUp(caller, body) }));
