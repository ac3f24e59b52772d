import { httpHandler } from '../../lib/app/http.js';
import { editRecipient } from '../../lib/recipients/addRecipient.js';
import { editRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(editRecipientRoute, async ({ params, body, session, request }) => ({
  body: await editRecipient(session, params.recipientId, body, request),
}));
