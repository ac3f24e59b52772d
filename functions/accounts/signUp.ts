import { signUpRoute } from '../../lib/accounts/sign-up-route.js';
import { httpHandler } from '../../lib/app/http.js';
import { signUpWithInvitation } from '../../lib/partners/signUpWithInvitation.js';

// Issue 11: a sign-up with an invitation token also associates the new account with the partner (R-PA-01).
export const handler = httpHandler(signUpRoute, async ({ body, caller }) => ({ body: await signUpWithInvitation(caller, body) }));
