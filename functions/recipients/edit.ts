import { httpHandler } from '../../lib/http/handler.js';
import { editRecipient } from '../../lib/recipients/recipients.js';
import { editRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(editRecipientRoute, async ({ params, body, session, request }) => ({
  body: await editRecipient(session, params.recipientId, body, request),
}));
