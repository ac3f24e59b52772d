/**
 * getMasterAccount (issue 12 route 5): the account's My Master Account view — its master, accounting mode and
 * permissions (requested, granted: R-MM-08), whether it is suspended and why (computed at read time: its own
 * suspension, its master's (R-MM-04), or awaiting a payment method after leaving the master that created it
 * (R-MM-05)), its pending invitation with the impacts of association shown before accepting (R-MM-04) and the
 * pending disassociation requests it may agree to or reject (R-MM-02). Only pending, unexpired requests addressed
 * to the caller are shown, and not an invitation whose master's account is no longer open (issue 12 review). Any account may ask (a non-member sees its invitations only).
 */
import { findAccount } from '../accounts/store.js';
import { EDITABLE } from '../core/account-status.js';
import type { AccountCaller } from '../core/caller.js';
import { loadFacts } from '../core/checks/store.js';
import { suspensionOf } from '../core/checks/suspension.js';
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { listHandshakes, openHandshakeBetween } from '../core/handshake/store.js';
import { payloadOf } from './invitation.js';
import { ENTERPRISE_DISASSOCIATION, ENTERPRISE_INVITATION, MEMBER_IMPACTS } from './kinds.js';
import { loadMemberOf, loadProfile } from './store.js';

/** Pending disassociation requests read per view (one open per pair: a member has at most a few). */
const REQUESTS_PAGE = 20;

export async function getMasterAccount(caller: AccountCaller) {
  const me = caller.accountId;
  const at = now().toISOString();
  const addressedToMe = (r: HandshakeRequest | undefined): r is HandshakeRequest =>
    r !== undefined && r.state === 'pending' && r.counterparty.id === me && r.expiresAt > at;
  const [row, facts, invitation, requests] = await Promise.all([
    loadMemberOf(me),
    loadFacts(me),
    // One open invitation per invited account, whoever invites: its claim names it ('' = any initiator).
    openHandshakeBetween(ENTERPRISE_INVITATION, '', me),
    listHandshakes(me, ENTERPRISE_DISASSOCIATION.kind, { limit: REQUESTS_PAGE }),
  ]);
  const [profile, inviter] = await Promise.all([
    row ? loadProfile(row.masterAccountId) : undefined,
    // An invitation whose master's account is no longer open is not shown (it can never be accepted).
    addressedToMe(invitation) ? findAccount(invitation.initiator.id) : undefined,
  ]);
  const invitationShown = inviter && EDITABLE.includes(inviter.status) ? invitation : undefined;
  // R-MM-04: the member is suspended whenever its master is (loadFacts reads the master's standing: not propagated).
  const reason = suspensionOf(facts);
  return {
    ...(row
      ? {
          master: {
            masterAccountId: row.masterAccountId,
            enterpriseName: profile?.enterpriseName ?? '',
            accountingMode: row.accountingMode,
            associatedAt: row.associatedAt,
          },
          permissions: { requested: row.requestedPermissions, granted: row.permissions },
        }
      : {}),
    ...(reason ? { suspended: { reason } } : {}),
    invitations: [invitationShown].filter(addressedToMe).map((r) => {
      const p = payloadOf(r);
      return {
        invitationId: r.id,
        masterAccountId: r.initiator.id,
        enterpriseName: p.enterpriseName,
        accountingMode: p.accountingMode,
        permissions: p.permissions,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        impacts: [...MEMBER_IMPACTS],
      };
    }),
    disassociationRequests: requests.items.filter(addressedToMe).map((r) => ({
      requestId: r.id,
      masterAccountId: r.initiator.id,
      status: r.state,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
    })),
  };
}
