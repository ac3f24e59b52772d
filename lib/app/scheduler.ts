/**
 * The scheduled function's work: read what has come due in the sparse due-time index (never a Scan),
 * claim each item (conditional, so overlapping runs never process one twice) and hand it to its
 * processor. A failing item is logged and comes due again when its lease ends.
 */
import { purgeAccountItems } from '../closure/disable.js';
import { processClosureTimer } from '../closure/timers.js';
import { now } from '../core/clock.js';
import { logger } from '../core/logger.js';
import { retryOutboxItem } from '../core/notify/outbox.js';
import { type DueItem, type ReadStats, claim, readDue } from '../core/store/due-queue.js';

export interface SchedulerResult {
  processed: number;
  stats?: ReadStats;
}

const processors: Record<string, (item: DueItem) => Promise<unknown>> = {
  outbox: retryOutboxItem,
  'closure-24h': processClosureTimer,
  'closure-90d': processClosureTimer,
  purge: purgeAccountItems,
};

const ownerOf = (item: DueItem) => (item.accountId as string | undefined) ?? (item.message as { messageId: string } | undefined)?.messageId ?? item.pk;

export async function runScheduler(): Promise<SchedulerResult> {
  const stats: ReadStats = { queries: 0, scannedCount: 0 };
  const due = await readDue(now(), stats);
  let processed = 0;
  for (const item of due) {
    const processor = processors[item.dueKind];
    if (!processor) {
      logger.error('due item without a processor', { dueKind: item.dueKind });
      continue;
    }
    const lease = await claim(item, ownerOf(item));
    if (!lease) continue;
    try {
      // The processor holds the item as claimed: a re-arm is conditional on this lease.
      await processor({ ...item, dueSk: lease });
      processed += 1;
    } catch (error) {
      logger.error('due item failed; it comes due again after its lease', { dueKind: item.dueKind, error: (error as Error).name });
    }
  }
  return { processed, stats };
}
