/**
 * Items of the disassociation work that are not the handshake's own (lib/core/handshake/store.ts keeps the requests):
 * the two quota scopes, the condition that the association still is the one judged, the partner's protection
 * setting, and the pending request of a customer. No SDK here: the writes are transaction items, the reads go
 * through core stores.
 */
import { now } from '../core/clock.js';
import { type HandshakeRequest, openScope } from '../core/handshake/machine.js';
import { listHandshakes } from '../core/handshake/store.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE } from '../core/store/table.js';
import { type TransactItem, tagged } from '../core/store/writes.js';
import { PARTNER_DISASSOCIATION } from './kinds.js';
import type { Association } from './model.js';

/** R-PD-03: a customer's own requests (whichever partner); R-PD-06: the pair's requests, either side. */
export const customerQuotaScope = (customerId: string) => `partner-disassociation:customer:${customerId}`;
export const pairQuotaScope = (partnerId: string, customerId: string) => `partner-disassociation:pair:${partnerId}#${customerId}`;

/** Holds only while the association is the version judged ('association'): a racing change or end refuses the write. */
export function associationUnchanged(a: Association): TransactItem {
  return tagged('association', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.partnerCustomer(a.partnerId, a.customerId),
      ConditionExpression: '#version = :v',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':v': a.version },
    },
  });
}

/** Holds only while no disassociation request is open between the pair ('open'): a request opened after the read refuses the write. */
export function noOpenDisassociation(partnerId: string, customerId: string): TransactItem {
  return tagged('open', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.handshakeOpen(PARTNER_DISASSOCIATION.kind, openScope(PARTNER_DISASSOCIATION, partnerId, customerId)),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/** R-PD-08: the partner's verification protection on or off ('partner': the profile must exist). */
export function partnerProtectionUpdate(partnerId: string, on: boolean, at: string, by: string): TransactItem {
  return tagged('partner', {
    Update: {
      TableName: TABLE(),
      Key: keys.partnerProfile(partnerId),
      UpdateExpression: 'SET verificationProtection = :on, protectionChangedAt = :at, protectionChangedBy = :by',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':on': on, ':at': at, ':by': by },
    },
  });
}

/** R-PD-09: the service ticket's single-use claim ('ticket'): a ticket ID already used refuses the write. */
export function ticketClaim(
  ticketId: string,
  claim: { customerId: string; partnerId: string; operatorId: string; at: string },
): TransactItem {
  return tagged('ticket', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.partnerTicketClaim(ticketId), ticketId, ...claim },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/**
 * The customer's disassociation request still open in the store, if any: `pending` while before its `expiresAt`,
 * `lapsed` from then until the scheduler (or a new request, `openDisassociation`) expires it. One Query of the
 * customer's requests, newest first, one item: at most one is open per pair, and a customer has one partner at a
 * time, so an open one is the newest.
 */
export async function openDisassociationRequest(
  customerId: string,
  at: Date = now(),
): Promise<{ pending?: HandshakeRequest; lapsed?: HandshakeRequest }> {
  const { items } = await listHandshakes(customerId, PARTNER_DISASSOCIATION.kind, { limit: 1 });
  const newest = items[0];
  if (newest?.state !== 'pending') return {};
  return at.getTime() >= Date.parse(newest.expiresAt) ? { lapsed: newest } : { pending: newest };
}

/** The customer's pending disassociation request, if any; a lapsed one is not (the checks ignore it, R-PD-03/06). */
export async function pendingDisassociation(customerId: string, at: Date = now()): Promise<HandshakeRequest | undefined> {
  return (await openDisassociationRequest(customerId, at)).pending;
}
