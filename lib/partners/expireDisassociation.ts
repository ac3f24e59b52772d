/**
 * A pending disassociation request lapses after `config.partners.disassociationRequestTtlSeconds` (30 days
 * *default*): the scheduler's `handshake-expiry` processor (lib/app/scheduler.ts) hands it here; it is expired with
 * `disassociation-expired` in the association log and both sides told, in one transaction. A new request between
 * the pair does the same first when it finds the lapsed one before the scheduler has run (`openDisassociation`).
 */
import { findAccount } from '../accounts/store.js';
import { logWrites, pairViews } from '../core/association-log/log.js';
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, loadHandshake, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { rearm } from '../core/store/due-queue.js';
import { partnerSide, resultNotices } from './disassociation-parties.js';

/**
 * Expires a pending request whose `expiresAt` has passed (conditional on its state and version: of the scheduler
 * and a new request racing, one expires it): logged `disassociation-expired`, both sides told.
 */
export async function expireLapsedDisassociation(request: HandshakeRequest, at: Date = now()): Promise<Moved> {
  const p = request.payload as { partnerId: string; customerId: string; customerName: string; customerAccount?: string; model: string };
  const [customer, { partner, admin }] = await Promise.all([findAccount(p.customerId), partnerSide(p.partnerId)]);
  const notices = resultNotices('partner-disassociation-result', { result: 'expired', at: at.toISOString() }, p, partner, [
    customer,
    admin,
  ]);
  const moved = await moveHandshake(request.id, { system: 'scheduler' }, 'expire', at, [
    ...logWrites(
      {
        area: 'partner',
        event: 'disassociation-expired',
        time: at.toISOString(),
        actor: { kind: 'system', id: 'scheduler' },
        partnerId: p.partnerId,
        customerId: p.customerId,
        customerName: p.customerName,
        customerAccount: p.customerAccount,
        model: p.model,
        details: { requestId: request.id, initiator: request.initiator.role, expiresAt: request.expiresAt },
      },
      pairViews(p.partnerId, p.customerId),
    ),
    ...notices.map((n) => n.write),
  ]);
  if (moved.ok) await publishNow(notices.map((n) => n.pending));
  return moved;
}

export async function expireDisassociation(item: {
  pk: string;
  sk: string;
  dueSk?: string;
  [extra: string]: unknown;
}): Promise<HandshakeRequest | undefined> {
  const request = await loadHandshake(item.id as string);
  if (request?.state !== 'pending') return undefined;
  const moved = await expireLapsedDisassociation(request, now());
  if (moved.ok) return moved.request;
  // Claimed before its time (a clock step back): back in the queue at its expiresAt.
  if (moved.reason === 'not-expired-yet' && item.dueSk)
    await rearm({ pk: item.pk, sk: item.sk, dueSk: item.dueSk }, item.pk, request.expiresAt);
  return undefined;
}
