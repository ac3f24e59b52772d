import { httpHandler } from '../../lib/app/http.js';
import { requestCode } from '../../lib/verification/sendVerificationCode.js';
import { sendVerificationCodeRoute } from '../../lib/verification/routes.js';

export const handler = httpHandler(sendVerificationCodeRoute, async ({ body, session, request }) => ({
  body: await requestCode(body, session, request),
}));
