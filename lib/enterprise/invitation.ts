/**
 * What the invitation use cases share (issue 12, R-MM-01, R-MM-07): the handshake's payload, the master guard
 * and how a refused move is answered (another party's invitation: not found).
 */
import type { AccountCaller } from '../core/caller.js';
import { Forbidden, NotFound, RuleViolation } from '../core/errors.js';
import type { HandshakeRequest, MoveRefusal } from '../core/handshake/machine.js';
import { ENTERPRISE_INVITATION } from './kinds.js';
import type { EnterpriseProfile, InvitationPayload } from './model.js';
import { loadProfile } from './store.js';

export const isInvitation = (request: HandshakeRequest | undefined): request is HandshakeRequest =>
  request?.kind === ENTERPRISE_INVITATION.kind;

export const payloadOf = (request: HandshakeRequest): InvitationPayload => request.payload as unknown as InvitationPayload;

/** The caller's Enterprise Center; a non-master is refused (403) on every `/v1/enterprise/...` route. */
export async function requireMaster(caller: AccountCaller): Promise<EnterpriseProfile> {
  const profile = await loadProfile(caller.accountId);
  if (!profile) throw new Forbidden('Enable Enterprise Center first.');
  return profile;
}

/** A refused move of an enterprise request, as the caller sees it. */
export function moveRefusal(reason: MoveRefusal | 'not-found'): Error {
  switch (reason) {
    case 'not-found':
    case 'not-your-request':
      return new NotFound();
    case 'not-pending':
      return new RuleViolation('NOT_ALLOWED', 'The request was already decided, canceled or has lapsed.', [
        { condition: 'not-pending', message: 'The request is no longer pending.' },
      ]);
    case 'expired':
      return new RuleViolation('NOT_ALLOWED', 'The request has lapsed.', [
        { condition: 'expired', message: 'The request lapsed; the master may send a new one.' },
      ]);
    default:
      return new RuleViolation('NOT_ALLOWED', 'This move is not possible.', [{ condition: reason, message: 'This move is not possible.' }]);
  }
}

export const checkFailed = (failures: { condition: string; message: string }[], detail = 'The conditions are not met.') =>
  new RuleViolation('CHECK_FAILED', detail, failures);
