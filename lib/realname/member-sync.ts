/**
 * R-RN-07 (seed 003 Table 4-1) and R-RA-06: after a master's enterprise authentication is approved, its members
 * get it — on the master's FIRST enterprise authentication when `synchronizesToMember` says so (names equal before,
 * or equal after), on a later enterprise re-authentication when the member's authentication was the master's old one
 * (same registration number hash). One transaction per member (its account item, its REALNAME state, the slot on
 * the registration number — R-RN-04's 6 per number — and, if it was authenticated on another number, that slot
 * released), audited on the member's traces with the operator and told to the member. A member whose slot is
 * refused, whose own application is pending, or that changed meanwhile is simply not synchronized (logged).
 * R-RN-06: an authentication's country is the account's registration country (which never changes), so a member
 * registered in another country/region than the approved enterprise is not synchronized either (logged, no PII):
 * it could never have obtained that authentication itself. A synchronized member with an Enterprise Center profile
 * of its own gets the approved name there too.
 */
import { loadAccount } from '../accounts/store.js';
import { accountUpdate } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import { type OperatorCaller, actorOf } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { logger } from '../core/logger.js';
import { publishNow } from '../core/notify/outbox.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, tagged, transact } from '../core/store/writes.js';
import { listMembers, loadProfile, profileNameSet } from '../enterprise/store.js';
import { type MemberSync, certificateOf, memberSyncPlan } from './decision-rules.js';
import type { ApprovedAuth, EnterpriseDetails } from './model.js';
import { realNameNotice } from './notices.js';
import { certificateClaim, certificateRelease, realNameState } from './store.js';
import { synchronizesToMember } from './sync-rules.js';

/** Does the member get the master's new authentication? (Pure.) */
export function memberSynchronizes(sync: MemberSync, member: { enterpriseName?: string; current?: ApprovedAuth }): boolean {
  if (sync.mode === 'reauthentication') {
    return member.current?.kind === 'enterprise' && certificateOf(member.current).hash === sync.previousHash;
  }
  // A member without an enterprise name matches neither before nor after (an unnamed master matches nothing before).
  if (!member.enterpriseName) return false;
  return synchronizesToMember({
    masterNameBefore: sync.masterNameBefore ?? '',
    memberName: member.enterpriseName,
    masterFirstAuthenticatedName: sync.approvedName,
  });
}

/**
 * Every member of the master, one after another. `failed` marks a member whose transaction failed for another
 * reason than a condition (to try again: the caller keeps the due row); `synchronized` is true for a member
 * synchronized now or already from this application (idempotent: a second run writes nothing twice).
 */
export async function synchronizeMembers(caller: OperatorCaller, masterId: string, approved: ApprovedAuth, sync: MemberSync) {
  let cursor: string | undefined;
  const results: Array<{ memberId: string; synchronized: boolean; failed?: true }> = [];
  do {
    const page = await listMembers(masterId, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const row of page.items) {
      const result = await synchronizeMember(caller, masterId, row.memberAccountId, approved, sync).then(
        (synchronized) => ({ synchronized }),
        (error: Error) => {
          logger.warn('real-name member sync failed', { memberId: row.memberAccountId, error: error.name });
          return { synchronized: false, failed: true as const };
        },
      );
      results.push({ memberId: row.memberAccountId, ...result });
    }
    cursor = page.cursor;
  } while (cursor);
  return results;
}

async function synchronizeMember(
  caller: OperatorCaller,
  masterId: string,
  memberId: string,
  approved: ApprovedAuth,
  sync: MemberSync,
): Promise<boolean> {
  const [member, state, profile] = await Promise.all([loadAccount(memberId), realNameState(memberId), loadProfile(memberId)]);
  // Already synchronized from this application (a sync run again by the scheduler): nothing to write.
  if (state.current?.applicationId === approved.applicationId) return true;
  if (!memberSynchronizes(sync, { enterpriseName: member.enterpriseName, current: state.current })) return false;
  const approvedDetails = approved.details as EnterpriseDetails;
  if (member.countryRegion !== approvedDetails.countryRegion) {
    // R-RN-06: the enterprise's registered country must be the member's own registration country.
    logger.info('real-name member sync skipped: the member is registered in another country/region (R-RN-06)', { memberId });
    return false;
  }
  if (member.realNamePending) {
    logger.info('real-name member sync skipped: an application of the member is pending', { memberId });
    return false;
  }
  const plan = memberSyncPlan(approved, state, masterId);
  const at = nowIso();
  const item: Record<string, unknown> = {
    ...state,
    ...keys.realNameState(memberId),
    accountId: memberId,
    current: plan.current,
    version: state.version + 1,
  };
  const notice = realNameNotice('realname-synchronized', { name: approvedDetails.enterpriseName, at }, member);
  const writes: TransactItem[] = [
    accountUpdate(member, plan.accountSet, {
      read: ['accountType', 'authStatus', 'enterpriseName'],
      condition: 'attribute_not_exists(realNamePending)',
      ...(member.accountType !== 'enterprise' ? { remove: ['fullName'] } : {}),
    }),
    tagged('state', {
      Put: {
        TableName: TABLE(),
        Item: item,
        ConditionExpression: state.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(state.version === 0 ? {} : { ExpressionAttributeValues: { ':v': state.version } }),
      },
    }),
    ...(plan.claim ? [certificateClaim(plan.claim.kind, plan.claim.hash, memberId)] : []),
    ...(plan.release ? [tagged('certificate-release', certificateRelease(plan.release.kind, plan.release.hash, memberId))] : []),
    ...(profile ? [profileNameSet(memberId, approvedDetails.enterpriseName)] : []),
    auditWrite({
      accountId: memberId,
      traceName: 'decideRealNameApplication',
      request: caller.origin,
      result: 'success',
      actor: actorOf(caller),
      changes: [
        { field: 'realNameSynchronizedFrom', new: masterId },
        { field: 'realNameApplication', new: approved.applicationId },
      ],
    }),
    notice.write,
  ];
  try {
    await transact(writes);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    logger.warn('real-name member not synchronized', { memberId, failed: error.failedTags().join(',') });
    return false;
  }
  await publishNow([notice.pending]);
  return true;
}
