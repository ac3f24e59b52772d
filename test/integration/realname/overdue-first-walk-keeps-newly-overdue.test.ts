/**
 * Review R2 (issue 13 item 5, R-RN-03): the `overdueFirst=true` queue lists the overdue partition, then the pending
 * partition filtered to rows NOT marked overdue (listRealNameApplications.ts phase `rest`, store.ts queueQuery
 * `withoutOverdue`). An application that becomes overdue while an operator pages through the rest phase is in neither
 * part of that walk: the overdue phase is already over, and the rest phase now filters it out. The most urgent
 * application silently drops out of the traversal (a plain `status=pending` walk never loses rows).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { DueItem } from '../../../lib/core/store/due-queue.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { processReviewDue } from '../../../lib/realname/review-due.js';
import { activeAccount } from '../../support/closure.js';
import { opsQueue } from '../../support/realname-ops.js';
import { applied } from '../../support/realname.js';

describe('R-RN-03 overdue-first paging (issue 13 review R2 item 6)', () => {
  it('R-RN-03: an application marked overdue during an overdue-first walk is still listed once in that walk', async () => {
    const older = await applied(await activeAccount(), 'individual');
    const urgent = await applied(await activeAccount(), 'individual');

    const seen: Array<{ applicationId: string; overdue: boolean }> = [];
    let cursor: string | undefined;
    let marked = false;
    for (let pages = 0; pages < 500; pages += 1) {
      // One row per page until the walk is past the overdue phase, then bigger pages.
      const res = await opsQueue({ status: 'pending', overdueFirst: 'true', limit: marked ? '100' : '1', ...(cursor ? { cursor } : {}) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!marked && seen.some((i) => !i.overdue)) {
        // The walk is in its second phase (pending, not overdue), before the newest rows: the review comes due now.
        expect(seen.map((i) => i.applicationId)).not.toContain(urgent.applicationId);
        const due = (
          await db().send(
            new GetCommand({ TableName: TABLE(), Key: keys.realNameReviewDue(urgent.applicationId as string), ConsistentRead: true }),
          )
        ).Item;
        expect(await processReviewDue(due as DueItem)).toBe('overdue');
        marked = true;
      }
      if (!cursor) break;
    }
    expect(marked).toBe(true);
    expect(seen.map((i) => i.applicationId)).toContain(older.applicationId);
    expect(seen.map((i) => i.applicationId)).toContain(urgent.applicationId);
    // Listed once, in the second phase, flagged overdue; no row twice in one walk.
    expect(seen.filter((i) => i.applicationId === urgent.applicationId)).toEqual([expect.objectContaining({ overdue: true })]);
    expect(new Set(seen.map((i) => i.applicationId)).size).toBe(seen.length);
  });
});
