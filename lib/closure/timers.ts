/**
 * Scheduler processors of the closure timers (R-CL-07, R-CL-09, R-CL-12). A timer acts only on the
 * closure that wrote it (same closedAt) and only while the account is still closed; otherwise it is
 * simply removed. A held account is looked at again `closureConfig.holdRecheckSeconds` later. The
 * scheduler acts as the system caller `scheduler`.
 */
import { findAccount } from '../accounts/store.js';
import { systemCaller } from '../core/caller.js';
import { addSeconds, now } from '../core/clock.js';
import { closureConfig } from '../core/config.js';
import { publishNow } from '../core/notify/outbox.js';
import { type DueItem, rearm } from '../core/store/due-queue.js';
import { transact } from '../core/store/writes.js';
import { disableAccount } from './disable.js';
import { closureNotices } from './notices.js';
import { dueItemDelete, removeDueItem } from './store.js';

export async function processClosureTimer(item: DueItem): Promise<void> {
  const accountId = item.accountId as string;
  const account = await findAccount(accountId);
  const closure = account?.closure as { closedAt: string; autoDisableAt: string } | undefined;
  const current = account?.status === 'closed' && closure?.closedAt === item.closedAt;
  if (!account || !current) {
    await removeDueItem(item);
    return;
  }
  if (item.dueKind === 'closure-24h') {
    const notices = await closureNotices(account, 'closure-actions-allowed', { autoDisableAt: closure!.autoDisableAt });
    await transact([dueItemDelete(item), ...notices.map((n) => n.write)]);
    await publishNow(notices.map((n) => n.pending));
    return;
  }
  if (account.closureHold) {
    await rearm(item, accountId, addSeconds(now(), closureConfig.holdRecheckSeconds).toISOString());
    return;
  }
  await disableAccount(systemCaller('scheduler', 'scheduler'), account);
}
