/**
 * Membership of a partner's staff is a two-party request (R-PD-04, R-RN-05; issue 11 review finding 3): the
 * administrator invites an account (`PARTNER_MEMBERSHIP`, party `partnerId` → party `accountId`), the account
 * accepts or rejects it. What the use cases share: the request's payload, its log entry (the partner's view only: the
 * staff are internal to the partner) and how a refused move is answered.
 */
import { type LogActor, type LogEvent, logWrites } from '../core/association-log/log.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import type { HandshakeRequest, MoveRefusal } from '../core/handshake/machine.js';
import type { TransactItem } from '../core/store/writes.js';
import { PARTNER_MEMBERSHIP } from './kinds.js';

/** What a membership invitation carries (the partner's name as it was when invited, shown to the account). */
export interface MembershipPayload {
  partnerId: string;
  partnerName: string;
  accountId: string;
  role: 'account-manager';
}

export const isMembership = (request: HandshakeRequest | undefined): request is HandshakeRequest =>
  request?.kind === PARTNER_MEMBERSHIP.kind;

export const payloadOf = (request: HandshakeRequest): MembershipPayload => request.payload as unknown as MembershipPayload;

/** A membership event in the partner's association log (R-PD-07): who was invited, joined, declined, left. */
export function membershipLog(
  event: LogEvent,
  p: { partnerId: string; accountId: string; requestId?: string; role?: string },
  actor: LogActor,
  time: string,
  details: Record<string, unknown> = {},
): TransactItem[] {
  return logWrites(
    {
      area: 'partner',
      event,
      time,
      actor,
      partnerId: p.partnerId,
      details: {
        accountId: p.accountId,
        ...(p.requestId ? { requestId: p.requestId } : {}),
        ...(p.role ? { role: p.role } : {}),
        ...details,
      },
    },
    [p.partnerId],
  );
}

/** A refused move of a membership invitation, as the caller sees it (another party's request: not found). */
export function membershipRefusal(reason: MoveRefusal | 'not-found'): Error {
  switch (reason) {
    case 'not-found':
    case 'not-your-request':
      return new NotFound();
    case 'not-pending':
      return new Conflict('STATE_CONFLICT', 'The invitation was already decided, withdrawn or has lapsed.');
    case 'expired':
      return new RuleViolation('NOT_ALLOWED', 'The invitation has lapsed.', [
        { condition: 'expired', message: 'The invitation lapsed; the partner may invite you again.' },
      ]);
    default:
      return new RuleViolation('NOT_ALLOWED', 'This move is not possible.', [{ condition: reason, message: 'This move is not possible.' }]);
  }
}

/** R-PD-04: a partner's customer cannot be its staff. */
export const partnerCustomerRefusal = () =>
  new RuleViolation('NOT_ALLOWED', 'The account is a customer of this partner.', [
    { condition: 'partner-customer', message: "A partner's customer cannot be its staff; use another account." },
  ]);
