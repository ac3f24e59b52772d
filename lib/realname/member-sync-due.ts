/**
 * R-RN-07 / R-RA-06 (issue 13 review R2 item 9): the master→member sync left behind. The decision transaction puts a
 * due row (kind `realname-member-sync`, due at once) with the approval; the sync run right after the commit deletes
 * it when every member is done. A row still there (the function died, or a member's write failed for another reason
 * than a condition) is run here by the scheduler, the same sync again (idempotent: members already synchronized
 * from the application are skipped); the row goes once every member is done, otherwise it comes due again when the
 * scheduler's lease ends. A row whose application is no longer the master's authentication in force (review R3) is
 * deleted without syncing. Registered in lib/app/scheduler.ts.
 */
import type { OperatorCaller } from '../core/caller.js';
import type { DueItem } from '../core/store/due-queue.js';
import type { MemberSync } from './decision-rules.js';
import { synchronizeMembers } from './member-sync.js';
import { type ApprovedAuth, authKindOf } from './model.js';
import { loadApplication, memberSyncDueDelete, realNameState } from './store.js';

/** The approved authentication an approved application gave (what `current` was set to at the decision). */
export function approvedAuthOf(app: NonNullable<Awaited<ReturnType<typeof loadApplication>>>): ApprovedAuth | undefined {
  if (app.status !== 'approved' || !app.decision) return undefined;
  return {
    kind: authKindOf(app.kind),
    details: app.details,
    applicationId: app.applicationId,
    approvedAt: app.decision.at,
    submittedAt: app.submittedAt,
  };
}

export async function processMemberSyncDue(item: DueItem): Promise<'synchronized' | 'nothing'> {
  const applicationId = item.applicationId as string;
  const app = await loadApplication(applicationId);
  const approved = app ? approvedAuthOf(app) : undefined;
  // Issue 13 review R3: only the master's authentication in force is synchronized. An application superseded by a
  // later approval (or a master disabled / purged, the application redacted) leaves nothing to do: the later
  // approval syncs what is in force.
  const inForce = app && approved ? (await realNameState(app.accountId)).current?.applicationId === app.applicationId : false;
  if (!app || !approved || !inForce) {
    await memberSyncDueDelete(applicationId);
    return 'nothing';
  }
  // The operator who approved is the actor of the members' traces, as when the sync runs right after the decision.
  const caller: OperatorCaller = {
    kind: 'operator',
    operatorId: app.decision?.operatorId ?? 'unknown',
    origin: { requestId: `scheduler:${item.sk}`, sourceIp: '0.0.0.0', userAgent: 'scheduler' },
  };
  const results = await synchronizeMembers(caller, app.accountId, approved, item.sync as MemberSync);
  // A member whose write failed (not a condition): the row comes due again after the lease.
  if (results.some((r) => r.failed)) throw new Error('real-name member sync incomplete');
  await memberSyncDueDelete(applicationId);
  return 'synchronized';
}
