import { httpHandler } from '../../lib/app/http.js';
import { editRecipient } from '../../lib/recipients/editRecipient.js';
import { editRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(editRecipientRoute, async ({ params, body, caller }) => ({
  body: await editRecipient(caller, { ...body, recipientId: params.recipientId }),
}));
