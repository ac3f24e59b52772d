/**
 * R-PD-04: the customer processes a partner's disassociation request ("Process" on My Partner): agree →
 * disassociated at once, or reject. Its own requests are decided by the partner (422 `own-request`); another
 * customer's request is not found (404).
 */
import type { AccountCaller } from '../core/caller.js';
import { NotFound } from '../core/errors.js';
import { loadHandshakeOf } from '../core/handshake/store.js';
import { decideDisassociation } from './disassociation.js';
import { PARTNER_DISASSOCIATION } from './kinds.js';

export async function decideDisassociationAsCustomer(caller: AccountCaller, input: { requestId: string; agree: boolean }) {
  const request = await loadHandshakeOf(input.requestId, caller.accountId);
  if (!request || request.kind !== PARTNER_DISASSOCIATION.kind) throw new NotFound();
  return decideDisassociation({
    request,
    party: caller.accountId,
    agree: input.agree,
    actor: { kind: 'account', id: caller.accountId },
    auditActor: caller.accountId,
    origin: caller.origin,
  });
}
