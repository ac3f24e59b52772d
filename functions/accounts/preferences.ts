import { httpHandler } from '../../lib/http/handler.js';
import { changePreferences } from '../../lib/preferences/preferences.js';
import { preferencesRoute } from '../../lib/preferences/routes.js';

export const handler = httpHandler(preferencesRoute, async ({ body, session, request }) => ({
  body: await changePreferences(session, body, request),
}));
