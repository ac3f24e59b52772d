import { httpHandler } from '../../lib/app/http.js';
import { requestCode } from '../../lib/verification/sendVerificationCode.js';
import { sendCodeRoute } from '../../lib/verification/routes.js';

export const handler = httpHandler(sendCodeRoute, async ({ body, session, request }) => ({
  body: await requestCode(body, session, request),
}));
