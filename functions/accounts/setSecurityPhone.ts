import { securityPhoneRoute } from '../../lib/accounts/security-phone-route.js';
import { setSecurityPhone } from '../../lib/accounts/setSecurityPhone.js';
import { httpHandler } from '../../lib/app/http.js';

export const handler = httpHandler(securityPhoneRoute, async ({ body, session, request }) => ({
  body: await setSecurityPhone(session, body, request),
}));
