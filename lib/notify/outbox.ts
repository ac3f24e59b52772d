/**
 * The outbox (docs/DESIGN.md "Notices"): a notice is written in the same transaction as the change it
 * reports, published right after the commit, and retried by the scheduler until SNS accepts it; every
 * attempt carries the same message ID. Publishing claims the item first (lib/scheduler/due.ts), so the
 * immediate publisher and an overlapping scheduler run never both send it.
 */
import { addSeconds, epochSeconds, now, nowIso } from '../clock.js';
import { logger } from '../logger.js';
import { type DueItem, claim, rearm } from '../scheduler/due.js';
import { dueAttributes, keys } from '../store/keys.js';
import { TABLE } from '../store/table.js';
import { type TransactItem, remove } from '../store/writes.js';
import { type Message, notifier } from './notifier.js';

const OWNER = (m: Message) => m.messageId;
const RETENTION_SECONDS = 7 * 86_400;

/** A notice waiting in the outbox, as written: what `publishNow` needs to claim it without reading it. */
export interface PendingNotice {
  pk: string;
  sk: string;
  dueSk: string;
  message: Message;
}

export interface OutboxEntry {
  write: TransactItem;
  pending: PendingNotice;
}

export function outboxEntry(message: Message): OutboxEntry {
  const key = keys.outbox(message.messageId);
  const due = dueAttributes(OWNER(message), nowIso(), key.sk);
  return {
    write: {
      Put: {
        TableName: TABLE(),
        Item: { ...key, ...due, dueKind: 'outbox', message, attempts: 0, createdAt: nowIso(), ttl: epochSeconds() + RETENTION_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    pending: { ...key, dueSk: due.dueSk, message },
  };
}

/** Publishes one outbox item that this caller has claimed; on failure it is re-armed with back-off. */
async function publishClaimed(item: DueItem & { message: Message; attempts?: number }): Promise<boolean> {
  try {
    await (await notifier()).send(item.message);
  } catch (error) {
    const attempts = (item.attempts ?? 0) + 1;
    const backoff = Math.min(3600, 30 * 2 ** Math.min(attempts, 7));
    logger.warn('notice publish failed; will retry', { messageId: item.message.messageId, kind: item.message.kind, attempts, error: (error as Error).name });
    await rearm(item, OWNER(item.message), addSeconds(now(), backoff).toISOString(), attempts);
    return false;
  }
  await remove({ TableName: TABLE(), Key: { pk: item.pk, sk: item.sk } });
  return true;
}

/** Right after a commit: try to publish the notices it wrote. Failures stay in the outbox for the scheduler. */
export async function publishNow(notices: PendingNotice[]): Promise<void> {
  for (const notice of notices) {
    if (!(await claim(notice, OWNER(notice.message)))) continue;
    await publishClaimed({ ...notice, duePk: '', dueKind: 'outbox', attempts: 0 });
  }
}

/** Scheduler processor for due outbox items (already claimed by the scheduler). */
export async function retryOutboxItem(item: DueItem): Promise<boolean> {
  return publishClaimed(item as DueItem & { message: Message });
}
