import { httpHandler } from '../../lib/app/http.js';
import { addRecipient } from '../../lib/recipients/addRecipient.js';
import { addRecipientRoute } from '../../lib/recipients/routes.js';

export const handler = httpHandler(addRecipientRoute, async ({ body, caller }) => ({ body: await addRecipient(caller, body) }));
