import { httpHandler } from '../../lib/app/http.js';
import { listRecipients } from '../../lib/recipients/addRecipient.js';
import { listRecipientsRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(listRecipientsRoute, async ({ session }) => ({ body: await listRecipients(session) }));
