/**
 * R-MM-07: an invitation lapses after `config.enterprise.invitationTtlSeconds` (15 days *default*) without an
 * answer: the scheduler's `handshake-expiry` processor (lib/app/scheduler.ts) hands it here; in one transaction it
 * is expired, the master's open-invitation slot given back, `invitation-expired` logged on both views and the
 * master told. Inviting the account again meets a lapsed one the scheduler has not reached and does the same first.
 */
import { findAccount } from '../accounts/store.js';
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, expiryProcessor, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { enterpriseLogWrites, schedulerActor } from './association-log.js';
import { isInvitation, payloadOf } from './invitation.js';
import { enterpriseNotices } from './notices.js';
import { openInvitationsRelease } from './store.js';

/** Expires a pending invitation whose `expiresAt` has passed (conditional: of two expiring it, one does). */
export async function expireLapsedInvitation(request: HandshakeRequest, at: Date = now()): Promise<Moved> {
  const p = payloadOf(request);
  const masterId = request.initiator.id;
  const memberId = request.counterparty.id;
  const time = at.toISOString();
  const notices = enterpriseNotices('enterprise-invitation-result', { memberAccountId: memberId, result: 'expired', at: time }, [
    await findAccount(masterId),
  ]);
  const moved = await moveHandshake(request.id, { system: 'scheduler' }, 'expire', at, [
    openInvitationsRelease(masterId),
    ...enterpriseLogWrites(
      {
        masterAccountId: masterId,
        memberAccountId: memberId,
        accountingMode: p.accountingMode,
        permissions: p.permissions,
        requestId: request.id,
      },
      { event: 'invitation-expired', actor: schedulerActor, time },
    ),
    ...notices.map((n) => n.write),
  ]);
  if (moved.ok) await publishNow(notices.map((n) => n.pending));
  return moved;
}

/** The scheduler's processor of lapsed enterprise invitations. */
export const expireInvitation = /* @__PURE__ */ expiryProcessor(expireLapsedInvitation, isInvitation);
