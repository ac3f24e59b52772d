/**
 * The outbox (docs/DESIGN.md "Notices"): a notice is written in the same transaction as the change it
 * reports, published right after the commit, and retried by the scheduler until SNS accepts it; every
 * attempt carries the same message ID. Publishing claims the item first (lib/scheduler/due.ts), so the
 * immediate publisher and an overlapping scheduler run never both send it.
 *
 * Nothing vanishes silently (issue 9 item 13): a queued item has no TTL; a transient failure re-arms it
 * with exponential back-off; a permanent one (publish-errors.ts), or the last of `config.outbox.maxAttempts`,
 * moves it to the final `abandoned` state (out of the due index, no TTL: kept for inspection) and writes
 * one structured log line that is also a CloudWatch metric (`OutboxAbandoned`, embedded metric format).
 */
import { addSeconds, now, nowIso, nowMs } from '../clock.js';
import { config } from '../config.js';
import { logger } from '../logger.js';
import { type DueItem, claim, rearm } from '../scheduler/due.js';
import { dueAttributes, keys } from '../store/keys.js';
import { TABLE } from '../store/table.js';
import { ConditionFailed, type TransactItem, remove, update } from '../store/writes.js';
import { type Message, notifier } from './notifier.js';
import { isPermanentPublishError } from './publish-errors.js';

const OWNER = (m: Message) => m.messageId;

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
        Item: { ...key, ...due, dueKind: 'outbox', message, attempts: 0, createdAt: nowIso() },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    pending: { ...key, dueSk: due.dueSk, message },
  };
}

/** Seconds to wait before the next attempt after `attempts` failed ones. */
export function backoffSeconds(attempts: number): number {
  const { baseBackoffSeconds, maxBackoffSeconds } = config.outbox;
  return Math.min(maxBackoffSeconds, baseBackoffSeconds * 2 ** Math.min(attempts, 16));
}

/** The final state: out of the due index and without TTL; one alarmable log line (no PII: IDs and names only). */
async function abandon(item: DueItem & { message: Message }, attempts: number, error: string, reason: 'permanent-error' | 'attempts-exhausted') {
  await update({
    TableName: TABLE(),
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression: 'SET outboxState = :abandoned, abandonedAt = :at, attempts = :attempts, lastError = :error REMOVE duePk, dueSk, #ttl',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':abandoned': 'abandoned', ':at': nowIso(), ':attempts': attempts, ':error': error },
  }).catch((e) => {
    if (!(e instanceof ConditionFailed)) throw e;
  });
  logger.error('notice abandoned', {
    metric: 'OutboxAbandoned',
    reason,
    messageId: item.message.messageId,
    kind: item.message.kind,
    channel: item.message.channel,
    attempts,
    error,
    // CloudWatch embedded metric format: this line is also the metric an alarm watches.
    OutboxAbandoned: 1,
    _aws: {
      Timestamp: nowMs(),
      CloudWatchMetrics: [{ Namespace: config.service, Dimensions: [['stage']], Metrics: [{ Name: 'OutboxAbandoned', Unit: 'Count' }] }],
    },
  });
}

/** Publishes one outbox item that this caller has claimed; on failure it is re-armed with back-off or abandoned. */
async function publishClaimed(item: DueItem & { message: Message; attempts?: number }): Promise<boolean> {
  try {
    await (await notifier()).send(item.message);
  } catch (error) {
    const attempts = (item.attempts ?? 0) + 1;
    const name = (error as Error).name;
    if (isPermanentPublishError(error)) {
      await abandon(item, attempts, name, 'permanent-error');
    } else if (attempts >= config.outbox.maxAttempts) {
      await abandon(item, attempts, name, 'attempts-exhausted');
    } else {
      logger.warn('notice publish failed; will retry', { messageId: item.message.messageId, kind: item.message.kind, attempts, error: name });
      await rearm(item, OWNER(item.message), addSeconds(now(), backoffSeconds(attempts)).toISOString(), attempts);
    }
    return false;
  }
  await remove({ TableName: TABLE(), Key: { pk: item.pk, sk: item.sk } });
  return true;
}

/** Right after a commit: try to publish the notices it wrote. Failures stay in the outbox for the scheduler. */
export async function publishNow(notices: PendingNotice[]): Promise<void> {
  for (const notice of notices) {
    const lease = await claim(notice, OWNER(notice.message));
    if (!lease) continue;
    await publishClaimed({ ...notice, dueSk: lease, duePk: '', dueKind: 'outbox', attempts: 0 });
  }
}

/** Scheduler processor for due outbox items (already claimed by the scheduler). */
export async function retryOutboxItem(item: DueItem): Promise<boolean> {
  return publishClaimed(item as DueItem & { message: Message });
}
