import { httpHandler } from '../../lib/app/http.js';
import { setPartnerSettingsRoute } from '../../lib/partners/set-partner-settings-route.js';
import { setPartnerSettings } from '../../lib/partners/setPartnerSettings.js';

export const handler = httpHandler(setPartnerSettingsRoute, async ({ body, caller }) => ({ body: await setPartnerSettings(caller, body) }));
