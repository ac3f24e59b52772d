/**
 * R-MM-02: a member-disassociation request lapses after `enterpriseConfig.disassociationRequestTtlSeconds` (15 days
 * *default*) without an answer: the scheduler's `handshake-expiry` processor (lib/app/scheduler.ts) hands it here;
 * in one transaction it is expired, `disassociation-expired` logged on both views and both accounts told. The
 * association continues. A new request meeting a lapsed one the scheduler has not reached does the same first.
 */
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, expiryProcessor, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { enterpriseLogWrites, schedulerActor } from './association-log.js';
import { disassociationPayloadOf, isDisassociation, resultNoticesToBoth } from './disassociation.js';

/** Expires a pending request whose `expiresAt` has passed (conditional: of two expiring it, one does). */
export async function expireLapsedDisassociation(request: HandshakeRequest, at: Date = now()): Promise<Moved> {
  const masterId = request.initiator.id;
  const memberId = request.counterparty.id;
  const time = at.toISOString();
  const notices = await resultNoticesToBoth(masterId, memberId, 'expired', time);
  const moved = await moveHandshake(request.id, { system: 'scheduler' }, 'expire', at, [
    ...enterpriseLogWrites(
      {
        masterAccountId: masterId,
        memberAccountId: memberId,
        accountingMode: disassociationPayloadOf(request).accountingMode,
        requestId: request.id,
      },
      { event: 'disassociation-expired', actor: schedulerActor, time, details: { expiresAt: request.expiresAt } },
    ),
    ...notices.map((n) => n.write),
  ]);
  if (moved.ok) await publishNow(notices.map((n) => n.pending));
  return moved;
}

/** The scheduler's processor of lapsed member-disassociation requests. */
export const expireMemberDisassociation = /* @__PURE__ */ expiryProcessor(expireLapsedDisassociation, isDisassociation);
