/**
 * R-MM-07: an invitation lapses after `enterpriseConfig.invitationTtlSeconds` (15 days *default*) without an
 * answer: the scheduler's `handshake-expiry` processor (lib/app/scheduler.ts) hands it here; in one transaction it
 * is expired, the master's open-invitation slot given back, `invitation-expired` logged on both views and both
 * accounts told. Inviting the account again, the master's cap, and the master cancelling it meet a lapsed one the
 * scheduler has not reached and do the same first (./stale-invitations.ts).
 */
import { findAccount } from '../accounts/store.js';
import { EDITABLE } from '../core/account-status.js';
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, expiryProcessor, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { enterpriseLogWrites, schedulerActor } from './association-log.js';
import { isInvitation, payloadOf } from './invitation.js';
import { enterpriseNotices } from './notices.js';
import { openInvitationsReleaseIfEnabled } from './store.js';

/** The invitation's two accounts, each only while it is open (a closed or disabled account is told nothing). */
export async function invitationParties(request: HandshakeRequest) {
  const open = <T extends { status: string } | undefined>(a: T) => (a && EDITABLE.includes(a.status as never) ? a : undefined);
  const [master, invitee] = await Promise.all([findAccount(request.initiator.id), findAccount(request.counterparty.id)]);
  return { master: open(master), invitee: open(invitee) };
}

/** The notices of an invitation's end: its result to the master, its end to the invited account (R-MM-07). */
export async function invitationEndNotices(request: HandshakeRequest, result: 'canceled' | 'expired', time: string, toMaster: boolean) {
  const { master, invitee } = await invitationParties(request);
  const p = payloadOf(request);
  return [
    ...(toMaster
      ? enterpriseNotices('enterprise-invitation-result', { memberAccountId: request.counterparty.id, result, at: time }, [master])
      : []),
    ...enterpriseNotices(
      'enterprise-invitation-ended',
      { enterpriseName: p.enterpriseName, masterAccountId: request.initiator.id, result, at: time },
      [invitee],
    ),
  ];
}

/** Expires a pending invitation whose `expiresAt` has passed (conditional: of two expiring it, one does). */
export async function expireLapsedInvitation(request: HandshakeRequest, at: Date = now()): Promise<Moved> {
  const p = payloadOf(request);
  const masterId = request.initiator.id;
  const memberId = request.counterparty.id;
  const time = at.toISOString();
  const notices = await invitationEndNotices(request, 'expired', time, true);
  const moved = await moveHandshake(request.id, { system: 'scheduler' }, 'expire', at, [
    ...(await openInvitationsReleaseIfEnabled(masterId)),
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
