/**
 * A membership invitation lapses after `config.partners.membershipInvitationTtlSeconds` (7 days *default*): the
 * scheduler's `handshake-expiry` processor (lib/app/scheduler.ts) hands it here; it is expired with
 * `member-invitation-expired` in the partner's records, in one transaction. Nobody is told (the account's list of
 * invitations no longer shows it; the administrator sees the record). The administrator inviting the account again
 * or cancelling does the same first when it meets the lapsed one before the scheduler has run (review 3 finding 1).
 */
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, loadHandshake, moveHandshake } from '../core/handshake/store.js';
import { rearm } from '../core/store/due-queue.js';
import { isMembership, membershipLog, payloadOf } from './membership.js';

/**
 * Expires a pending invitation whose `expiresAt` has passed (conditional on its state and version: of the scheduler
 * and the administrator racing, one expires it; `not-expired-yet` before its time): logged `member-invitation-expired`.
 */
export async function expireLapsedMembership(request: HandshakeRequest, at: Date = now()): Promise<Moved> {
  const p = payloadOf(request);
  return moveHandshake(
    request.id,
    { system: 'scheduler' },
    'expire',
    at,
    membershipLog('member-invitation-expired', { ...p, requestId: request.id }, { kind: 'system', id: 'scheduler' }, at.toISOString()),
  );
}

export async function expireMembership(item: {
  pk: string;
  sk: string;
  dueSk?: string;
  [extra: string]: unknown;
}): Promise<HandshakeRequest | undefined> {
  const request = await loadHandshake(item.id as string);
  if (!isMembership(request) || request.state !== 'pending') return undefined;
  const moved = await expireLapsedMembership(request, now());
  if (moved.ok) return moved.request;
  // Claimed before its time (a clock step back): back in the queue at its expiresAt.
  if (moved.reason === 'not-expired-yet' && item.dueSk)
    await rearm({ pk: item.pk, sk: item.sk, dueSk: item.dueSk }, item.pk, request.expiresAt);
  return undefined;
}
