import { httpHandler } from '../../lib/app/http.js';
import { deleteRecipient } from '../../lib/recipients/addRecipient.js';
import { deleteRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(deleteRecipientRoute, async ({ params, session, request }) => {
  await deleteRecipient(session, params.recipientId, request);
  return {};
});
