/**
 * A pending disassociation request lapses after `partnersConfig.disassociationRequestTtlSeconds` (30 days
 * *default*): the scheduler's `handshake-expiry` processor (lib/app/scheduler.ts) hands it here; it is expired with
 * `disassociation-expired` in the association log and both sides told, in one transaction. A new request between
 * the pair does the same first when it finds the lapsed one before the scheduler has run (`openDisassociation`).
 */
import { type AssociationRef, associationLogWrites } from './association-log.js';
import { findAccount } from '../accounts/store.js';
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, expiryProcessor, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
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
    ...associationLogWrites(p as AssociationRef, {
      event: 'disassociation-expired',
      time: at.toISOString(),
      actor: { kind: 'system', id: 'scheduler' },
      details: { requestId: request.id, initiator: request.initiator.role, expiresAt: request.expiresAt },
    }),
    ...notices.map((n) => n.write),
  ]);
  if (moved.ok) await publishNow(notices.map((n) => n.pending));
  return moved;
}

/** The scheduler's processor of lapsed disassociation requests. */
export const expireDisassociation = /* @__PURE__ */ expiryProcessor(expireLapsedDisassociation);
