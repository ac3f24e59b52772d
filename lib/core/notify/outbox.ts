/**
 * The outbox (docs/DESIGN.md "Notices"): a notice is written in the same transaction as the change it
 * reports, published right after the commit, and retried by the scheduler until SNS accepts it; every
 * attempt carries the same message ID. Publishing claims the item first (lib/core/store/due-queue.ts), so the
 * immediate publisher and an overlapping scheduler run never both send it.
 *
 * Nothing vanishes silently (issue 9 item 13): a queued item has no TTL; a failure re-arms it with
 * exponential back-off; an error tied to the message (publish-errors.ts), or the last of
 * `outboxConfig.maxAttempts`, moves it to the final `abandoned` state and writes one structured log line
 * that is also a CloudWatch metric (`OutboxAbandoned`, embedded metric format). A stack-wide error (role,
 * topic, KMS key) is retried like a transient one but alarms at every attempt (`OutboxPublishFailing`).
 * An abandoned item is out of the due index and keeps only what an operator needs (kind, channel, IDs,
 * lastError, the recipient as a keyed hash: no body) for `outboxConfig.abandonedRetentionSeconds`.
 */
import { addSeconds, epochSeconds, now, nowIso, nowMs } from '../clock.js';
import { config, outboxConfig } from '../config.js';
import { keyedHash } from '../crypto.js';
import { logger } from '../logger.js';
import { type DueItem, claim, rearm } from '../store/due-queue.js';
import { dueAttributes } from '../store/keys.js';
import * as keys from '../store/key-builders.js';
import { TABLE } from '../store/table.js';
import { ConditionFailed, type TransactItem, remove, update } from '../store/writes.js';
import { type Message, notifier } from './notifier.js';
import { publishErrorKind } from './publish-errors.js';

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
  const { baseBackoffSeconds, maxBackoffSeconds } = outboxConfig;
  return Math.min(maxBackoffSeconds, baseBackoffSeconds * 2 ** Math.min(attempts, 16));
}

/** The recipient of an abandoned notice: a keyed hash, enough to answer "was my notice lost?" for a known address. */
export function abandonedRecipient(to: string): string {
  return keyedHash('outbox-recipient', to);
}

/** A log line that is also a CloudWatch metric (embedded metric format): what an alarm watches. */
function metricLine(metric: 'OutboxAbandoned' | 'OutboxPublishFailing', message: string, fields: Record<string, unknown>) {
  logger.error(message, {
    metric,
    ...fields,
    [metric]: 1,
    _aws: {
      Timestamp: nowMs(),
      CloudWatchMetrics: [{ Namespace: config.service, Dimensions: [['stage']], Metrics: [{ Name: metric, Unit: 'Count' }] }],
    },
  });
}

/** The final state: out of the due index, content dropped, kept for a long retention; one alarmable log line (no PII). */
async function abandon(
  item: DueItem & { message: Message },
  attempts: number,
  error: string,
  reason: 'permanent-error' | 'attempts-exhausted',
) {
  const { messageId, kind, channel, language, to } = item.message;
  await update({
    TableName: TABLE(),
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression:
      'SET outboxState = :abandoned, abandonedAt = :at, attempts = :attempts, lastError = :error, message = :kept, #ttl = :ttl REMOVE duePk, dueSk',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#ttl': 'ttl' },
    ExpressionAttributeValues: {
      ':abandoned': 'abandoned',
      ':at': nowIso(),
      ':attempts': attempts,
      ':error': error,
      ':kept': { messageId, kind, channel, language, to: abandonedRecipient(to) },
      ':ttl': epochSeconds() + outboxConfig.abandonedRetentionSeconds,
    },
  }).catch((e) => {
    if (!(e instanceof ConditionFailed)) throw e;
  });
  metricLine('OutboxAbandoned', 'notice abandoned', { reason, messageId, kind, channel, attempts, error });
}

/** Publishes one outbox item that this caller has claimed; on failure it is re-armed with back-off or abandoned. */
async function publishClaimed(item: DueItem & { message: Message; attempts?: number }): Promise<boolean> {
  try {
    await (await notifier()).send(item.message);
  } catch (error) {
    const attempts = (item.attempts ?? 0) + 1;
    const name = (error as Error).name;
    const kind = publishErrorKind(error);
    const { messageId, channel } = item.message;
    if (kind === 'message') {
      await abandon(item, attempts, name, 'permanent-error');
    } else if (attempts >= outboxConfig.maxAttempts) {
      await abandon(item, attempts, name, 'attempts-exhausted');
    } else {
      if (kind === 'stack')
        metricLine('OutboxPublishFailing', 'notice publish failing', {
          messageId,
          kind: item.message.kind,
          channel,
          attempts,
          error: name,
        });
      else logger.warn('notice publish failed; will retry', { messageId, kind: item.message.kind, attempts, error: name });
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
