import { httpHandler } from '../../lib/app/http.js';
import { deleteRecipient } from '../../lib/recipients/deleteRecipient.js';
import { deleteRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(deleteRecipientRoute, async ({ params, caller }) => {
  await deleteRecipient(caller, params);
  return {};
});
