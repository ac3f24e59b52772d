import { httpHandler } from '../../lib/http/handler.js';
import { listRecipients } from '../../lib/recipients/recipients.js';
import { listRecipientsRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(listRecipientsRoute, async ({ session }) => ({ body: await listRecipients(session) }));
