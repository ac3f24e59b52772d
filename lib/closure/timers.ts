/**
 * Scheduler processors of the closure timers (R-CL-07, R-CL-09, R-CL-12). A timer acts only on the
 * closure that wrote it (same closedAt) and only while the account is still closed; otherwise it is
 * simply removed. A held account is looked at again a day later.
 */
import { getAccount } from '../accounts/account.js';
import { addSeconds, now } from '../core/clock.js';
import { publishNow } from '../core/notify/outbox.js';
import { type DueItem, rearm } from '../core/store/due-queue.js';
import { transact, remove } from '../core/store/writes.js';
import { TABLE } from '../core/store/table.js';
import { disableAccount } from './disable.js';
import { closureNotices } from './notices.js';

const SCHEDULER_REQUEST = { requestId: 'scheduler', sourceIp: 'scheduler' };
const HOLD_RECHECK_SECONDS = 86_400;

export async function processClosureTimer(item: DueItem): Promise<void> {
  const accountId = item.accountId as string;
  const account = await getAccount(accountId);
  const closure = account?.closure as { closedAt: string; autoDisableAt: string } | undefined;
  const current = account?.status === 'closed' && closure?.closedAt === item.closedAt;
  const timerKey = { pk: item.pk, sk: item.sk };
  if (!account || !current) {
    await remove({ TableName: TABLE(), Key: timerKey });
    return;
  }
  if (item.dueKind === 'closure-24h') {
    const notices = await closureNotices(account, 'closure-actions-allowed', { autoDisableAt: closure!.autoDisableAt });
    await transact([{ Delete: { TableName: TABLE(), Key: timerKey } }, ...notices.map((n) => n.write)]);
    await publishNow(notices.map((n) => n.pending));
    return;
  }
  if (account.closureHold) {
    await rearm(item, accountId, addSeconds(now(), HOLD_RECHECK_SECONDS).toISOString());
    return;
  }
  await disableAccount(account, { by: 'scheduler', request: SCHEDULER_REQUEST });
}
