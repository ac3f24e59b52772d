import { httpHandler } from '../../lib/app/http.js';
import { disassociateByTicket } from '../../lib/partners/disassociateByTicket.js';
import { disassociateByTicketRoute } from '../../lib/partners/disassociate-by-ticket-route.js';

export const handler = httpHandler(disassociateByTicketRoute, async ({ body, caller }) => ({
  body: await disassociateByTicket(caller, body),
}));
