import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDueProcessor, runScheduler } from '../../../lib/app/scheduler.js';
import { schedulerConfig } from '../../../lib/core/config.js';
import type { DueItem } from '../../../lib/core/store/due-queue.js';
import { dueAttributes, dueShard } from '../../../lib/core/store/keys.js';
import { TABLE, db } from '../../../lib/core/store/table.js';

// Each test file has a table of its own: the due index holds only what these tests put in it.
const scheduler = schedulerConfig as { pageSize: number };
const defaultPageSize = scheduler.pageSize;
const PAGE = 3;
const seen: string[] = [];
registerDueProcessor('test-count', async (item: DueItem) => {
  seen.push(item.sk);
});

/** `count` due items of one owner in a shard (the first one a run reads unless said), due long ago. */
async function dueItems(name: string, count: number, shard = 'DUE#0'): Promise<string[]> {
  let n = 0;
  while (dueShard(`${name}-${n}`) !== shard) n += 1;
  const owner = `${name}-${n}`;
  const items = Array.from({ length: count }, (_, i) => {
    const key = { pk: `TEST#${owner}`, sk: `ITEM#${String(i).padStart(3, '0')}` };
    return { ...key, ...dueAttributes(owner, `2000-01-01T00:00:${String(i).padStart(2, '0')}.000Z`, key.sk), dueKind: 'test-count' };
  });
  for (let i = 0; i < items.length; i += 25) {
    await db().send(
      new BatchWriteCommand({ RequestItems: { [TABLE()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
  return items.map((i) => i.sk);
}

/** A remaining-time function that allows `pages` pages, then says the time is up. */
function budgetFor(pages: number) {
  let asked = 0;
  return () => (asked++ < pages ? schedulerConfig.stopMarginMs + 1 : schedulerConfig.stopMarginMs - 1);
}

beforeEach(() => {
  scheduler.pageSize = PAGE;
  seen.length = 0;
});
afterEach(() => {
  scheduler.pageSize = defaultPageSize;
});

describe('the scheduler works page by page with a time budget (issue 10 item "scheduler reads due work page by page")', () => {
  it('issue 10: with more due items than one page, one run processes them all, page by page', async () => {
    const all = await dueItems('owner-a', 3 * PAGE + 1);
    const result = await runScheduler({ remainingMs: () => Number.MAX_SAFE_INTEGER });
    expect([...seen].sort()).toEqual(all);
    expect(result.processed).toBe(all.length);
    expect(result.stoppedEarly).toBe(false);
    // Every page holds at most `pageSize` items: the items take at least four pages in their shard.
    expect(result.stats!.queries).toBeGreaterThanOrEqual(4);
  });

  it('issue 10: a run whose time allows one page stops there; the next run finishes the rest, each item once', async () => {
    const all = await dueItems('owner-b', 2 * PAGE + 1);
    const first = await runScheduler({ remainingMs: budgetFor(1) });
    expect(first.stoppedEarly).toBe(true);
    expect(first.stats!.queries).toBe(1);
    expect(seen.length).toBe(PAGE);
    const second = await runScheduler({ remainingMs: () => Number.MAX_SAFE_INTEGER });
    expect(second.stoppedEarly).toBe(false);
    expect([...seen].sort()).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('issue 10: without a Lambda context the run takes its budget from config (runBudgetMs)', async () => {
    const budget = schedulerConfig as { runBudgetMs: number };
    const saved = budget.runBudgetMs;
    budget.runBudgetMs = 0;
    try {
      await dueItems('owner-c', 2);
      const result = await runScheduler();
      expect(result.stoppedEarly).toBe(true);
      expect(result.processed).toBe(0);
    } finally {
      budget.runBudgetMs = saved;
    }
    expect((await runScheduler()).processed).toBeGreaterThanOrEqual(2);
  });

  it('issue 10 review R5: a backlog in one shard does not starve the others when the budget ends runs early', async () => {
    await dueItems('backlog', 3 * PAGE);
    const [other] = await dueItems('other-shard', 1, 'DUE#1');
    // Two pages per run: the first run reads one page of every shard with due work before a second page of any.
    await runScheduler({ remainingMs: budgetFor(2) });
    expect(seen).toContain(other);
  });
});
