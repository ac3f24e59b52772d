/**
 * Issue 13 item 5 (R-RN-03): the operators' review queue, read from the queue partitions (Query, never Scan).
 * `pending`: oldest submission first; `overdue`: past their due date, oldest due first; `pending` with
 * `overdueFirst`: the overdue rows first, then the pending rows not overdue (the cursor remembers the phase and the
 * walk's start; issue 13 review R2). Both phases split on the walk's start less the scheduler's lease (review R3): the
 * scheduler stamps `overdueAt` before its transaction commits, on another function's clock, and a claim holds at most
 * a lease, so a mark stamped up to a lease before the walk may become visible only after the first phase passed its
 * row. Rows marked before the split are the first phase; rows marked since (even those already visible when the walk
 * started) are listed, flagged overdue, in the second — each row once per walk, none skipped.
 * Cursors are opaque and bound to the list asked (lib/core/store/pagination.ts).
 */
import type { OperatorCaller } from '../core/caller.js';
import { addSeconds, nowIso } from '../core/clock.js';
import { schedulerConfig } from '../core/config.js';
import { ValidationFailed } from '../core/errors.js';
import { decodeCursor, encodeCursor } from '../core/store/pagination.js';
import type { QueueRow } from './model.js';
import { queueQuery } from './store.js';

export interface ListInput {
  status?: 'pending' | 'overdue';
  overdueFirst?: 'true' | 'false';
  limit?: number;
  cursor?: string;
}

type Phase = 'pending' | 'overdue' | 'rest';
const PHASES: readonly Phase[] = ['pending', 'overdue', 'rest'];
/** Queries one page may take while skipping overdue rows of the pending partition (phase `rest`). */
const MAX_QUERIES = 10;

export async function listRealNameApplications(_caller: OperatorCaller, input: ListInput) {
  const status = input.status ?? 'pending';
  const overdueFirst = status === 'pending' && input.overdueFirst === 'true';
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100);
  const scope = `realname-queue:${status}:${overdueFirst}`;
  const start = decodeCursor(scope, input.cursor);
  let phase: Phase = status === 'overdue' || overdueFirst ? 'overdue' : 'pending';
  let startKey: Record<string, unknown> | undefined;
  let walkStart = nowIso();
  if (start) {
    if (!PHASES.includes(start.phase as Phase)) throw new ValidationFailed([{ path: 'query.cursor', message: 'Invalid cursor.' }]);
    phase = start.phase as Phase;
    startKey = start.key as Record<string, unknown> | undefined;
    if (typeof start.walkStart === 'string') walkStart = start.walkStart;
  }
  const walk = overdueFirst ? { walkStart } : {};
  // Review R3: a mark stamped up to a lease before the walk may commit after the first phase passed its row.
  const split = addSeconds(new Date(walkStart), -schedulerConfig.leaseSeconds).toISOString();
  const items: QueueRow[] = [];
  let next: { phase: Phase; key?: Record<string, unknown>; walkStart?: string } | undefined;
  for (let queried = 0; ; queried += 1) {
    if (queried >= MAX_QUERIES) {
      next = { phase, ...(startKey ? { key: startKey } : {}), ...walk };
      break;
    }
    const out = await queueQuery(phase === 'overdue' ? 'overdue' : 'pending', {
      limit: limit - items.length,
      startKey,
      ...(overdueFirst ? (phase === 'rest' ? { notMarkedBefore: split } : { markedBefore: split }) : {}),
    });
    items.push(...out.rows);
    startKey = out.lastKey;
    if (startKey) {
      if (items.length >= limit) {
        next = { phase, key: startKey, ...walk };
        break;
      }
      continue;
    }
    // This partition is done: an overdue-first list goes on with the pending rows that are not overdue.
    if (phase === 'overdue' && overdueFirst) {
      phase = 'rest';
      if (items.length >= limit) {
        next = { phase, ...walk };
        break;
      }
      continue;
    }
    break;
  }
  const nextCursor = next ? encodeCursor(scope, next) : undefined;
  return {
    items: items.map((r) => ({
      applicationId: r.applicationId,
      accountId: r.accountId,
      kind: r.kind,
      submittedAt: r.submittedAt,
      reviewDueBy: r.reviewDueBy,
      overdue: r.overdue === true,
    })),
    ...(nextCursor ? { nextCursor } : {}),
  };
}
