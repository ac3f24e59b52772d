import { httpHandler } from '../../lib/app/http.js';
import { listRecipients } from '../../lib/recipients/listRecipients.js';
import { listRecipientsRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(listRecipientsRoute, async ({ caller }) => ({ body: await listRecipients(caller) }));
