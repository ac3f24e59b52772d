import { httpHandler } from '../../lib/app/http.js';
import { changePreferences } from '../../lib/preferences/changePreferences.js';
import { changePreferencesRoute } from '../../lib/preferences/routes.js';

export const handler = httpHandler(changePreferencesRoute, async ({ body, caller }) => ({ body: await changePreferences(caller, body) }));
