/**
 * R-PD-04, R-RN-05 (issue 11 review finding 3): the partner administrator invites an account to be an account
 * manager. Nothing changes for the account until it accepts (decidePartnerMembership): it is not staff, not
 * `partnerProgram`, not locked to the partner. The answer is the same 201 pending whether or not the account can
 * join in the end — in particular for staff of another partner (who it belongs to is not the inviter's business):
 * the acceptance fails for the account itself. Refused here only what the partner knows anyway: an unknown or
 * inactive account (404, IDs are opaque), its own staff or a pending invitation of its own (409), its own customer
 * (422 `partner-customer`). Logged `member-invited` in the partner's records.
 * Review 3 finding 1: a pending invitation of its own past its `expiresAt` (the scheduler not there yet) is expired
 * first, as the scheduler would (`expireLapsedMembership`), and the new one opened. Review 3 finding 5: one partner
 * invites one account at most `partnersConfig.memberInvitesPerPair` times in the window (3 per 30 days *default*;
 * 422 QUOTA_EXCEEDED `invitation-quota` with `nextRequestPossibleAt`), counted in the invitation's transaction, so
 * its invite/cancel churn cannot bury another partner's invitation in the account's history. The quota is the
 * pair's: it tells the partner nothing about the account.
 */
import { findAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { partnersConfig } from '../core/config.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { createHandshake, openHandshakeBetween } from '../core/handshake/store.js';
import { type QuotaWindow, quotaState, quotaUseWrite, readQuotaWindows } from '../core/quota/store.js';
import { ConditionFailed } from '../core/store/writes.js';
import { expireLapsedMembership } from './expireMembership.js';
import { PARTNER_MEMBERSHIP } from './kinds.js';
import { type MembershipPayload, membershipLog, partnerCustomerRefusal } from './membership.js';
import { partnerLogActor, requirePartnerStaff } from './staff.js';
import { accountActive, loadPartner, loadStaffRole, notCustomerOf, staffStill } from './store.js';

/** The quota window of one partner's invitations to one account (review 3 finding 5). */
export const memberInviteQuotaScope = (partnerId: string, accountId: string) => `partner-membership:pair:${partnerId}#${accountId}`;

const pendingConflict = () => new Conflict('STATE_CONFLICT', 'An invitation of this partner to the account is pending; cancel it first.');

function quotaRefusal(window: QuotaWindow, at: Date): RuleViolation {
  const error = new RuleViolation('QUOTA_EXCEEDED', 'No more invitations of this partner to this account are possible for now.', [
    { condition: 'invitation-quota', message: 'This account was invited too often lately; try again later.' },
  ]);
  const next = quotaState(window, at).nextAllowedAt;
  if (next) error.details.nextRequestPossibleAt = next.toISOString();
  return error;
}

/**
 * A pending invitation of this partner to the account blocks a new one (409) — unless it has lapsed: then it is
 * expired here first (conditional: of the scheduler and this, one expires it).
 */
async function clearLapsed(open: HandshakeRequest | undefined, at: Date) {
  if (!open) return;
  if (Date.parse(open.expiresAt) > at.getTime()) throw pendingConflict();
  const moved = await expireLapsedMembership(open, at);
  if (!moved.ok && moved.reason !== 'not-pending' && moved.reason !== 'not-found') throw pendingConflict();
}

export async function addPartnerMember(caller: AccountCaller, input: { accountId: string; role: 'account-manager' }) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const [account, claim, partner] = await Promise.all([
    findAccount(input.accountId),
    loadStaffRole(input.accountId),
    loadPartner(staff.partnerId),
  ]);
  if (account?.status !== 'active' || !partner) throw new NotFound('The account does not exist.');
  // Its own staff only: staff of ANOTHER partner gets the same pending invitation as anyone else.
  if (claim?.partnerId === staff.partnerId) throw new Conflict('STATE_CONFLICT', 'The account is already staff of this partner.');
  const payload: MembershipPayload = {
    partnerId: staff.partnerId,
    partnerName: partner.name,
    accountId: input.accountId,
    role: input.role,
  };
  const scope = { scope: memberInviteQuotaScope(staff.partnerId, input.accountId), limit: partnersConfig.memberInvitesPerPair };
  for (let attempt = 1; ; attempt += 1) {
    const at = now();
    const [open, windows] = await Promise.all([
      openHandshakeBetween(PARTNER_MEMBERSHIP, staff.partnerId, input.accountId),
      readQuotaWindows([scope]),
    ]);
    await clearLapsed(open, at);
    const window = windows[0] as QuotaWindow;
    if (quotaState(window, at).left === 0) throw quotaRefusal(window, at);
    const requestId = newId('pm_');
    const expiresAt = new Date(at.getTime() + PARTNER_MEMBERSHIP.expirySeconds * 1000).toISOString();
    try {
      const opened = await createHandshake(
        PARTNER_MEMBERSHIP,
        {
          id: requestId,
          initiator: { id: staff.partnerId, role: 'partner' },
          counterparty: { id: input.accountId, role: 'account' },
          payload: { ...payload },
        },
        at,
        [
          staffStill(staff.accountId, staff),
          accountActive(input.accountId),
          notCustomerOf(input.accountId, staff.partnerId),
          quotaUseWrite(window, at, 'invite-quota'),
          ...membershipLog('member-invited', { ...payload, requestId }, partnerLogActor(staff), at.toISOString(), { expiresAt }),
        ],
      );
      if (!opened.ok) {
        if (opened.reason === 'open-request-exists') throw pendingConflict();
        throw new Error(`membership invitation refused by the machine: ${opened.reason}`);
      }
      return {
        partnerId: staff.partnerId,
        accountId: input.accountId,
        role: input.role,
        status: 'pending' as const,
        requestId,
        expiresAt: opened.request.expiresAt,
      };
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      if (error.failed('account')) throw new NotFound('The account does not exist.');
      if (error.failed('pointer')) throw partnerCustomerRefusal();
      if (error.failed('staff')) throw new Conflict('STATE_CONFLICT', 'The partner changed meanwhile; try again.');
      // Lost a race on the quota window: judge again on what is there now.
      if (error.failed('invite-quota') && attempt < 3) continue;
      if (error.failed('invite-quota')) throw new Conflict('STATE_CONFLICT', 'Other invitations changed meanwhile; try again.');
      throw error;
    }
  }
}
