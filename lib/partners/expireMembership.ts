/**
 * A membership invitation lapses after `partnersConfig.membershipInvitationTtlSeconds` (7 days *default*): the
 * scheduler's `handshake-expiry` processor (lib/app/scheduler.ts) hands it here; it is expired with
 * `member-invitation-expired` in the partner's records, in one transaction. Nobody is told (the account's list of
 * invitations no longer shows it; the administrator sees the record). The administrator inviting the account again
 * or cancelling does the same first when it meets the lapsed one before the scheduler has run (review 3 finding 1).
 */
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, expiryProcessor, moveHandshake } from '../core/handshake/store.js';
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

/** The scheduler's processor of lapsed membership invitations. */
export const expireMembership = /* @__PURE__ */ expiryProcessor(expireLapsedMembership, isMembership);
