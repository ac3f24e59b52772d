import { setSecurityPhone } from '../../lib/accounts/setSecurityPhone.js';
import { setSecurityPhoneRoute } from '../../lib/accounts/security-phone-route.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(setSecurityPhoneRoute, async ({ body, caller }) => ({ body: await setSecurityPhone(caller, body) }));
