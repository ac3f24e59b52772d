/**
 * The sparse due-time index as a work queue (docs/DESIGN.md "Timers"). An item waiting for the
 * scheduler carries duePk (its shard) and dueSk (<due ISO time>#<id>); the scheduler reads each shard
 * with `dueSk <= now` and nothing else, never a Scan. Claiming moves dueSk to the end of a lease with a
 * conditional update on the dueSk that was read, so of two overlapping runs exactly one gets an item;
 * an item whose worker died becomes due again when the lease ends. Finishing deletes or re-arms it.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addSeconds, now } from '../clock.js';
import { schedulerConfig } from '../config.js';
import { dueAttributes, dueShardNumbers } from './keys.js';
import { query } from './patterns.js';
import * as queries from './queries.js';
import { TABLE, db } from './table.js';
import { ConditionFailed, update } from './writes.js';

export interface DueItem {
  pk: string;
  sk: string;
  duePk: string;
  dueSk: string;
  /** What the scheduler does with it: a processor name. */
  dueKind: string;
  [extra: string]: unknown;
}

export interface ReadStats {
  queries: number;
  scannedCount: number;
}

export interface DuePage {
  items: DueItem[];
  /** Where the next page of this shard starts; undefined when the shard has nothing more due. */
  next?: Record<string, unknown>;
}

/** One page (at most `schedulerConfig.pageSize` items) of what is due now in one shard (the index projects all attributes). */
export async function readDuePage(shard: number, at: Date, startKey?: Record<string, unknown>, stats?: ReadStats): Promise<DuePage> {
  const page = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...query(queries.due, String(shard), `${at.toISOString()}#\uffff`),
      Limit: schedulerConfig.pageSize,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  if (stats) {
    stats.queries += 1;
    stats.scannedCount += page.ScannedCount ?? 0;
  }
  return { items: (page.Items ?? []) as DueItem[], ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey } : {}) };
}

/** Everything due now, shard by shard (inspection and tests; the scheduler works page by page). */
export async function readDue(at: Date, stats: ReadStats = { queries: 0, scannedCount: 0 }): Promise<DueItem[]> {
  const out: DueItem[] = [];
  for (const shard of dueShardNumbers()) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await readDuePage(shard, at, startKey, stats);
      out.push(...page.items);
      startKey = page.next;
    } while (startKey);
  }
  return out;
}

/**
 * Claims an item for one lease: answers the item's dueSk while claimed (the lease, which the holder passes
 * to `rearm`), or false when another run claimed (or finished) it first.
 */
export async function claim(item: Pick<DueItem, 'pk' | 'sk' | 'dueSk'>, ownerId: string): Promise<string | false> {
  const leaseUntil = addSeconds(now(), schedulerConfig.leaseSeconds).toISOString();
  const lease = dueAttributes(ownerId, leaseUntil, item.sk).dueSk;
  try {
    await update({
      TableName: TABLE(),
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: 'SET dueSk = :lease, claims = if_not_exists(claims, :zero) + :one',
      ConditionExpression: 'dueSk = :seen',
      ExpressionAttributeValues: { ':lease': lease, ':seen': item.dueSk, ':zero': 0, ':one': 1 },
    });
    return lease;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}

/**
 * Puts a claimed item back in the queue at a later time (a retry or a periodic re-check). `item.dueSk` is the
 * lease `claim` answered: the re-arm holds only while the item still carries it (R-CL-12, issue 9 item 9). If
 * someone else re-armed it meanwhile (a lifted hold puts the 90-day timer due now), theirs stands.
 */
export async function rearm(
  item: Pick<DueItem, 'pk' | 'sk' | 'dueSk'>,
  ownerId: string,
  dueAtIso: string,
  attempts?: number,
): Promise<void> {
  const due = dueAttributes(ownerId, dueAtIso, item.sk);
  await update({
    TableName: TABLE(),
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression: `SET duePk = :pk, dueSk = :sk${attempts === undefined ? '' : ', attempts = :attempts'}`,
    ConditionExpression: 'dueSk = :claimed',
    ExpressionAttributeValues: {
      ':pk': due.duePk,
      ':sk': due.dueSk,
      ':claimed': item.dueSk,
      ...(attempts === undefined ? {} : { ':attempts': attempts }),
    },
  }).catch((error) => {
    if (!(error instanceof ConditionFailed)) throw error;
  });
}
