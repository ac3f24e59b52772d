/**
 * The purge after disabling (R-CL-11): deletes every item of the account besides its retained record, in
 * batches, after each area's lifecycle hook has removed what those items point at outside the table
 * (files). Idempotent; it runs at once and, should it fail, again from the scheduler until it is done.
 */
import { beforePurge, purgeProjection } from '../core/lifecycle.js';
import { logger } from '../core/logger.js';
import { type DueItem, claim } from '../core/store/due-queue.js';
import { deleteAll, purgeablePage, removePurgeTimer } from './store.js';

/** Deletes whatever the account still holds besides its retained record (scheduler processor of `purge`). */
export async function purgeAccountItems(item: DueItem): Promise<void> {
  const accountId = item.accountId as string;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await purgeablePage(accountId, purgeProjection(), startKey);
    await beforePurge(accountId, page.items);
    await deleteAll(page.items);
    startKey = page.next;
  } while (startKey);
  await removePurgeTimer(accountId);
}

/** Runs a purge just armed, unless an overlapping scheduler run took it; a failure is left to the scheduler. */
export async function purgeNow(purge: DueItem): Promise<void> {
  if (await claim(purge, purge.accountId as string)) {
    await purgeAccountItems(purge).catch((error: Error) => logger.warn('purge deferred to the scheduler', { error: error.name }));
  }
}
