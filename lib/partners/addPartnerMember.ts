/**
 * R-PD-04, R-RN-05 (issue 11 review finding 3): the partner administrator invites an account to be an account
 * manager. Nothing changes for the account until it accepts (decidePartnerMembership): it is not staff, not
 * `partnerProgram`, not locked to the partner. The answer is the same 201 pending whether or not the account can
 * join in the end — in particular for staff of another partner (who it belongs to is not the inviter's business):
 * the acceptance fails for the account itself. Refused here only what the partner knows anyway: an unknown or
 * inactive account (404, IDs are opaque), its own staff or a pending invitation of its own (409), its own customer
 * (422 `partner-customer`). Logged `member-invited` in the partner's records.
 */
import { findAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { newId } from '../core/crypto.js';
import { Conflict, NotFound } from '../core/errors.js';
import { createHandshake } from '../core/handshake/store.js';
import { ConditionFailed } from '../core/store/writes.js';
import { PARTNER_MEMBERSHIP } from './kinds.js';
import { type MembershipPayload, membershipLog, partnerCustomerRefusal } from './membership.js';
import { partnerLogActor, requirePartnerStaff } from './staff.js';
import { accountActive, loadPartner, loadStaffRole, notCustomerOf, staffStill } from './store.js';

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
  const at = now();
  const requestId = newId('pm_');
  const payload: MembershipPayload = {
    partnerId: staff.partnerId,
    partnerName: partner.name,
    accountId: input.accountId,
    role: input.role,
  };
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
        ...membershipLog('member-invited', { ...payload, requestId }, partnerLogActor(staff), at.toISOString(), { expiresAt }),
      ],
    );
    if (!opened.ok) {
      if (opened.reason === 'open-request-exists')
        throw new Conflict('STATE_CONFLICT', 'An invitation of this partner to the account is pending; cancel it first.');
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
    throw error;
  }
}
