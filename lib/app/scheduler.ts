/**
 * The scheduled function's work: read what has come due in the sparse due-time index (never a Scan),
 * page by page, claim each item (conditional, so overlapping runs never process one twice) and hand it
 * to its processor. A run takes a new page only while more than `schedulerConfig.stopMarginMs` of its
 * time remains (the Lambda's remaining time, or `schedulerConfig.runBudgetMs` where there is no Lambda);
 * what is left is due still and the next run picks it up. A failing item is logged and comes due again
 * when its lease ends.
 */
import { processClosureTimer } from '../closure/timers.js';
import { purgeAccountItems } from '../closure/purge.js';
import { nowMs, now } from '../core/clock.js';
import { schedulerConfig } from '../core/config.js';
import { logger } from '../core/logger.js';
import { HANDSHAKE_EXPIRY, expireHandshake } from '../core/handshake/store.js';
import { retryOutboxItem } from '../core/notify/outbox.js';
import { type DueItem, type ReadStats, claim, readDuePage } from '../core/store/due-queue.js';
import { dueShardNumbers } from '../core/store/keys.js';
import { expireInvitation } from '../enterprise/expireInvitation.js';
import { expireMemberDisassociation } from '../enterprise/expireDisassociation.js';
import { expireDisassociation } from '../partners/expireDisassociation.js';
import { expireMembership } from '../partners/expireMembership.js';
import { processMemberSyncDue } from '../realname/member-sync-due.js';
import { MEMBER_SYNC_DUE_KIND, REVIEW_DUE_KIND } from '../realname/model.js';
import { processReviewDue } from '../realname/review-due.js';
import './lifecycle.js';

export interface SchedulerResult {
  processed: number;
  /** True when the run left due work for the next run because its time ran short. */
  stoppedEarly: boolean;
  stats?: ReadStats;
}

export interface SchedulerOptions {
  /** Milliseconds this run may still take (the Lambda context's getRemainingTimeInMillis). */
  remainingMs?: () => number;
}

type Processor = (item: DueItem) => Promise<unknown>;

/** A lapsing two-party request goes to the area that owns its kind (it logs and tells both sides); others just lapse. */
const handshakeExpiryByKind: Record<string, Processor> = {
  'partner-disassociation': expireDisassociation,
  'partner-membership': expireMembership,
  'enterprise-invitation': expireInvitation,
  'enterprise-disassociation': expireMemberDisassociation,
};

function expireRequest(item: DueItem): Promise<unknown> {
  return (handshakeExpiryByKind[item.kind as string] ?? expireHandshake)(item);
}

const processors: Record<string, Processor> = {
  outbox: retryOutboxItem,
  'closure-24h': processClosureTimer,
  'closure-90d': processClosureTimer,
  purge: purgeAccountItems,
  [HANDSHAKE_EXPIRY]: expireRequest,
  // Issue 13 item 8 (R-RN-03): a real-name review past its due date is marked overdue and the operators told.
  [REVIEW_DUE_KIND]: processReviewDue,
  // Issue 13 review R2 item 9 (R-RN-07): a master→member sync left behind after an approval is finished.
  [MEMBER_SYNC_DUE_KIND]: processMemberSyncDue,
};

/** Adds the processor of a kind of due item (the composition root's own kinds are above; tests add theirs). */
export function registerDueProcessor(dueKind: string, processor: Processor): void {
  processors[dueKind] = processor;
}

const ownerOf = (item: DueItem) =>
  (item.accountId as string | undefined) ?? (item.message as { messageId: string } | undefined)?.messageId ?? item.pk;

/** Where no Lambda tells the remaining time: the configured budget from the start of the run. */
function budgetFromConfig(): () => number {
  const deadline = nowMs() + schedulerConfig.runBudgetMs;
  return () => deadline - nowMs();
}

async function processItem(item: DueItem): Promise<boolean> {
  const processor = processors[item.dueKind];
  if (!processor) {
    logger.error('due item without a processor', { dueKind: item.dueKind });
    return false;
  }
  const lease = await claim(item, ownerOf(item));
  if (!lease) return false;
  try {
    // The processor holds the item as claimed: a re-arm is conditional on this lease.
    await processor({ ...item, dueSk: lease });
    return true;
  } catch (error) {
    logger.error('due item failed; it comes due again after its lease', { dueKind: item.dueKind, error: (error as Error).name });
    return false;
  }
}

export async function runScheduler(options: SchedulerOptions = {}): Promise<SchedulerResult> {
  const remainingMs = options.remainingMs ?? budgetFromConfig();
  const stats: ReadStats = { queries: 0, scannedCount: 0 };
  const at = now();
  let processed = 0;
  // Round robin: one page of every shard that still has due work, then the next page of each (issue 10 review
  // R5): a backlog in one shard cannot starve the others when the time budget ends a run early.
  let open: Array<{ shard: number; startKey?: Record<string, unknown> }> = dueShardNumbers().map((shard) => ({ shard }));
  while (open.length > 0) {
    const next: typeof open = [];
    for (const cursor of open) {
      if (remainingMs() < schedulerConfig.stopMarginMs) return { processed, stoppedEarly: true, stats };
      const page = await readDuePage(cursor.shard, at, cursor.startKey, stats);
      for (const item of page.items) if (await processItem(item)) processed += 1;
      if (page.next) next.push({ shard: cursor.shard, startKey: page.next });
    }
    open = next;
  }
  return { processed, stoppedEarly: false, stats };
}
