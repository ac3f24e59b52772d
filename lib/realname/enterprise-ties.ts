/**
 * R-RA-06 (issue 13 item 2): what re-authentication reads of the enterprise area, through its read functions and the
 * handshake store (lib/enterprise never imports this area): whether the account has an enterprise invitation open
 * (unaccepted and unexpired) as the inviting master or as the invited account; whether a member's authentication in
 * force is its master's (judged at the submission and again at the approval, review R3).
 */
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { listHandshakes, openHandshakeBetween } from '../core/handshake/store.js';
import { ENTERPRISE_INVITATION } from '../enterprise/kinds.js';
import { loadProfile } from '../enterprise/store.js';
import { type RealNameState, isIndividualDetails } from './model.js';
import { realNameState } from './store.js';

const open = (r: HandshakeRequest | undefined, atIso: string) => r?.state === 'pending' && r.expiresAt > atIso;

/**
 * An open enterprise invitation of the account: one it received (its one-open claim, a GetItem) or, for a master
 * with open invitations counted, one it sent (its newest invitations, back to the oldest that could still be open).
 */
export async function enterpriseInvitationOpen(accountId: string, at: Date): Promise<boolean> {
  const atIso = at.toISOString();
  const [received, profile] = await Promise.all([openHandshakeBetween(ENTERPRISE_INVITATION, '', accountId), loadProfile(accountId)]);
  if (open(received, atIso)) return true;
  if (!profile || !(profile.openInvitations > 0)) return false;
  const oldest = new Date(at.getTime() - ENTERPRISE_INVITATION.expirySeconds * 1000).toISOString();
  let cursor: string | undefined;
  do {
    const page = await listHandshakes(accountId, ENTERPRISE_INVITATION.kind, { limit: 100, ...(cursor ? { cursor } : {}) });
    if (page.items.some((r) => r.initiator.id === accountId && open(r, atIso))) return true;
    if (page.items.some((r) => r.createdAt < oldest)) return false;
    cursor = page.cursor;
  } while (cursor);
  return false;
}

/**
 * R-RA-06: the member's authentication in force is its master's enterprise authentication (same registration number):
 * only the master can re-authenticate, and the change syncs to the member. One GetItem (the master's real-name state),
 * only for an enterprise-authenticated account with a master.
 */
export async function sharesMasterAuthentication(
  state: Pick<RealNameState, 'current'>,
  masterAccountId: string | undefined,
): Promise<boolean> {
  const mine = state.current?.details;
  if (!masterAccountId || !mine || isIndividualDetails(mine)) return false;
  const master = (await realNameState(masterAccountId)).current?.details;
  return master !== undefined && !isIndividualDetails(master) && master.registrationNumberHash === mine.registrationNumberHash;
}
