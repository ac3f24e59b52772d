import { httpHandler } from '../../lib/http/handler.js';
import { deleteRecipient } from '../../lib/recipients/recipients.js';
import { deleteRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(deleteRecipientRoute, async ({ params, session, request }) => {
  await deleteRecipient(session, params.recipientId, request);
  return {};
});
