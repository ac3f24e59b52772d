/**
 * R-MM-01, R-MM-04, R-MM-07, R-MM-08: only the invited account accepts or rejects an invitation (another account's:
 * 404). Accepting requires the agreement (400 on `acceptAgreement`) and grants a subset of the requested
 * permissions (400 naming each one not requested); it re-checks the invitee conditions (422 CHECK_FAILED) and
 * associates in the handshake's move transaction: the member row, the member's pointer (one master per member: 422
 * `already-member` under races), the member's facts (never a master: `invitee-is-master`), the master's counters,
 * the master's open-invitation slot back (its Enterprise Center still there), both accounts still in use, the log
 * (both views), the member's audit trace and the notice to the master. The answer shows the impacts (R-MM-04).
 * Rejecting gives back the slot, logs and tells the master.
 */
import { findAccount } from '../accounts/store.js';
import { EDITABLE } from '../core/account-status.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import type { AccountFacts } from '../core/checks/facts.js';
import { loadFacts } from '../core/checks/store.js';
import { now } from '../core/clock.js';
import { Conflict, NotFound, RuleViolation, ValidationFailed } from '../core/errors.js';
import { decide } from '../core/handshake/machine.js';
import { loadHandshakeOf, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { ConditionFailed, type TransactItem } from '../core/store/writes.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import { checkFailed, isInvitation, moveRefusal, payloadOf } from './invitation.js';
import { MEMBER_IMPACTS, type Permission } from './kinds.js';
import type { MemberRow } from './model.js';
import { enterpriseNotices } from './notices.js';
import { inviteFailures, memberCapRefusal, notRequested } from './rules.js';
import {
  accountActive,
  accountOpen,
  memberAssociateWrites,
  openInvitationsRelease,
  openInvitationsReleaseIfEnabled,
  standingIs,
} from './store.js';

export interface InvitationDecision {
  invitationId: string;
  accept: boolean;
  acceptAgreement?: boolean;
  grantPermissions?: Permission[];
}

export async function decideEnterpriseInvitation(caller: AccountCaller, input: InvitationDecision) {
  const request = await loadHandshakeOf(input.invitationId, caller.accountId);
  // Only the invited account decides; the master's side of the request is not a way in.
  if (!isInvitation(request) || request.counterparty.id !== caller.accountId) throw new NotFound();
  const p = payloadOf(request);
  const granted = [...new Set(input.grantPermissions ?? [])];
  if (input.accept) {
    const errors = [
      ...(input.acceptAgreement === true ? [] : [{ path: 'body.acceptAgreement', message: 'Accept the agreement to associate.' }]),
      ...notRequested(granted, p.permissions).map((perm) => ({
        path: `body.grantPermissions.${(input.grantPermissions ?? []).indexOf(perm)}`,
        message: `The master did not request "${perm}".`,
      })),
    ];
    if (errors.length) throw new ValidationFailed(errors);
  }
  const move = input.accept ? 'accept' : 'reject';
  const masterId = request.initiator.id;
  const memberId = caller.accountId;
  for (let attempt = 1; ; attempt += 1) {
    const at = now();
    const early = decide(request, { party: caller.accountId }, move, at);
    if (!early.ok) throw moveRefusal(early.reason);
    const time = at.toISOString();
    const [masterAccount, masterFacts, memberFacts] = await Promise.all([
      findAccount(masterId),
      input.accept ? loadFacts(masterId) : undefined,
      input.accept ? loadFacts(memberId) : undefined,
    ]);
    // A closed or disabled master is told nothing (as on every end of an invitation).
    const master = masterAccount && EDITABLE.includes(masterAccount.status) ? masterAccount : undefined;
    if (masterFacts && memberFacts) {
      const failures = inviteFailures({ masterId, inviteeId: memberId, master: masterFacts, invitee: memberFacts });
      if (failures.length) throw checkFailed(failures, 'The invitation cannot be accepted now.');
    }
    const ref = { masterAccountId: masterId, memberAccountId: memberId, accountingMode: p.accountingMode, requestId: request.id };
    const actor = accountActor(memberId);
    const notices = enterpriseNotices(
      'enterprise-invitation-result',
      { memberAccountId: memberId, result: input.accept ? 'accepted' : 'rejected', at: time },
      master ? [master] : [],
    );
    let extra: TransactItem[];
    if (input.accept) {
      const row: MemberRow = {
        masterAccountId: masterId,
        memberAccountId: memberId,
        accountingMode: p.accountingMode,
        requestedPermissions: p.permissions,
        permissions: granted,
        associatedAt: time,
        invitationId: request.id,
        createdByMaster: false,
        version: 1,
      };
      extra = [
        ...memberAssociateWrites(row),
        openInvitationsRelease(masterId),
        accountOpen(masterId, 'master-account'),
        accountActive(memberId),
        // The invitee's standing as judged (invitee-suspended): a suspension recorded meanwhile is judged again.
        standingIs(memberId, (memberFacts as AccountFacts).standingVersion, 'member-standing'),
        ...enterpriseLogWrites({ ...ref, permissions: p.permissions }, { event: 'invitation-accepted', actor, time }),
        ...enterpriseLogWrites({ ...ref, permissions: granted }, { event: 'associated', actor, time }),
        auditWrite({
          accountId: memberId,
          traceName: 'acceptEnterpriseInvitation',
          request: caller.origin,
          result: 'success',
          changes: [
            { field: 'masterAccountId', new: masterId },
            { field: 'accountingMode', new: p.accountingMode },
            { field: 'masterPermissions', new: granted.join(',') },
          ],
        }),
      ];
    } else {
      extra = [
        // A disabled master's Enterprise Center is gone: the invitee can still end the invitation.
        ...(await openInvitationsReleaseIfEnabled(masterId)),
        ...enterpriseLogWrites({ ...ref, permissions: p.permissions }, { event: 'invitation-rejected', actor, time }),
        auditWrite({
          accountId: memberId,
          traceName: 'rejectEnterpriseInvitation',
          request: caller.origin,
          result: 'success',
          changes: [{ field: 'enterpriseInvitation', old: request.id }],
        }),
      ];
    }
    try {
      const moved = await moveHandshake(request.id, { party: memberId }, move, at, [...extra, ...notices.map((n) => n.write)]);
      if (!moved.ok) throw moveRefusal(moved.reason);
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      if (error.failed('member-standing') && attempt < 3) continue;
      if (error.failed('member-standing')) throw new Conflict('STATE_CONFLICT', 'Your account changed meanwhile; try again.');
      if (error.failed('member-cap')) throw memberCapRefusal();
      if (error.failed('pointer') || error.failed('member'))
        throw checkFailed([{ condition: 'already-member', message: 'The account is already a member of an enterprise master.' }]);
      if (error.failed('invitee-master')) {
        // The member's facts changed meanwhile (it became a master, partner staff or a partner's customer): name which.
        const now = inviteFailures({
          masterId,
          inviteeId: memberId,
          master: await loadFacts(masterId),
          invitee: await loadFacts(memberId),
        });
        throw checkFailed(
          now.length
            ? now
            : [{ condition: 'invitee-is-master', message: 'The account is an enterprise master itself; a master cannot be a member.' }],
        );
      }
      if (error.failed('master-account') || error.failed('profile'))
        throw new RuleViolation('NOT_ALLOWED', 'The master account is no longer available.', [
          { condition: 'master-unavailable', message: 'The inviting master account was closed or no longer has Enterprise Center.' },
        ]);
      if (error.failed('account')) throw new Conflict('STATE_CONFLICT', 'Your account is not active.');
      throw error;
    }
    await publishNow(notices.map((n) => n.pending));
    if (!input.accept) return { status: 'rejected' as const };
    return { status: 'accepted' as const, impacts: [...MEMBER_IMPACTS], permissions: { requested: p.permissions, granted } };
  }
}
