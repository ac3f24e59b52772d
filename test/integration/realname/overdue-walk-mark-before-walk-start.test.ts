/**
 * Review R3 (issue 13 item 5, R-RN-03; the R2 fix in listRealNameApplications.ts / store.ts queueQuery): an
 * overdue-first walk splits the rows on `overdueAt` vs the walk's start (`walkStart`, taken by the first request).
 * processReviewDue (review-due.ts) takes `overdueAt = nowIso()` BEFORE its transaction commits, and the scheduler
 * runs on another function whose clock is not the API's. A row whose mark is stamped before the walk started but
 * becomes visible after the walk's first phase passed its position (ordered by due time) is in neither phase: the
 * first phase is past it, the second filters it out (`overdueAt >= walkStart` is false). The fix splits both phases on `walkStart` less the
 * scheduler's lease, so such a row is in the second phase; `first` is marked more than a lease before the walk. Here the stamp is 60 s
 * before the walk (the test clock stands in for the commit delay / clock skew); the row is never listed.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { setClockOffset } from '../../../lib/core/clock.js';
import { schedulerConfig } from '../../../lib/core/config.js';
import type { DueItem } from '../../../lib/core/store/due-queue.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { processReviewDue } from '../../../lib/realname/review-due.js';
import { activeAccount } from '../../support/closure.js';
import { opsQueue } from '../../support/realname-ops.js';
import { personDetails, storedApplication, uniqueNumber } from '../../support/realname.js';

const YEAR = 365 * 24 * 3600 * 1000;
const dueItem = async (applicationId: string) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: keys.realNameReviewDue(applicationId), ConsistentRead: true })))
    .Item as DueItem;

afterEach(() => setClockOffset(0));

describe('R-RN-03 overdue-first walk and a mark stamped before the walk', () => {
  it('R-RN-03: a row marked overdue with a stamp just before the walk started, committed after the first phase passed it, is still listed', async () => {
    // urgent: due earliest of all (submitted 40 years and 10 days ago); first: due a little later.
    setClockOffset(-(40 * YEAR + 10 * 24 * 3600 * 1000));
    const urgent = await storedApplication((await activeAccount()).accountId, 'individual', personDetails(uniqueNumber('P')));
    setClockOffset(-40 * YEAR);
    const first = await storedApplication((await activeAccount()).accountId, 'individual', personDetails(uniqueNumber('P')));
    // first: marked overdue well before the walk (more than a scheduler lease, the split's margin), so the first phase.
    setClockOffset(-2 * schedulerConfig.leaseSeconds * 1000);
    expect(await processReviewDue(await dueItem(first.applicationId))).toBe('overdue');
    setClockOffset(0);

    const seen: Array<{ applicationId: string; overdue?: boolean }> = [];
    const page1 = await opsQueue({ status: 'pending', overdueFirst: 'true', limit: '1' });
    expect(page1.status, JSON.stringify(page1.body)).toBe(200);
    seen.push(...page1.body.items);
    expect(page1.body.nextCursor, 'the walk goes on after its first row').toBeDefined();
    expect(seen.map((i) => i.applicationId)).toEqual([first.applicationId]);

    // The scheduler stamped its mark 60 s before the walk started; the mark becomes visible only now.
    setClockOffset(-60_000);
    expect(await processReviewDue(await dueItem(urgent.applicationId))).toBe('overdue');
    setClockOffset(0);

    let cursor: string | undefined = page1.body.nextCursor;
    for (let pages = 0; cursor && pages < 500; pages += 1) {
      const res = await opsQueue({ status: 'pending', overdueFirst: 'true', limit: '100', cursor });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    expect(seen.map((i) => i.applicationId)).toContain(urgent.applicationId);
  });
});
