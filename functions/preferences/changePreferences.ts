import { httpHandler } from '../../lib/app/http.js';
import { changePreferences } from '../../lib/preferences/changePreferences.js';
import { preferencesRoute } from '../../lib/preferences/routes.js';

export const handler = httpHandler(preferencesRoute, async ({ body, session, request }) => ({
  body: await changePreferences(session, body, request),
}));
