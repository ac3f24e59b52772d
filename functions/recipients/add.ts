import { httpHandler } from '../../lib/http/handler.js';
import { addRecipient } from '../../lib/recipients/recipients.js';
import { addRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(addRecipientRoute, async ({ body, session, request }) => ({
  body: await addRecipient(session, body, request),
}));
