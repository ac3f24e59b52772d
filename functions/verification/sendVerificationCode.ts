import { httpHandler } from '../../lib/app/http.js';
import { sendVerificationCodeRoute } from '../../lib/verification/routes.js';
import { sendVerificationCode } from '../../lib/verification/sendVerificationCode.js';

export const handler = httpHandler(sendVerificationCodeRoute, async ({ body, caller }) => ({
  body: await sendVerificationCode(caller, body),
}));
