import { httpHandler } from '../../lib/app/http.js';
import { submitRealNameApplicationRoute } from '../../lib/realname/applications-route.js';
import { submitRealNameApplication } from '../../lib/realname/submitRealNameApplication.js';

export const handler = httpHandler(submitRealNameApplicationRoute, async ({ caller, body }) => ({
  body: await submitRealNameApplication(caller, body),
}));
