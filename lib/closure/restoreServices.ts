/** R-CL-07: restore closed cloud services, from 24 hours after closing; both timers go. */
import { staleAccount } from '../accounts/account.js';
import { accountUpdate, requireAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { publishNow } from '../core/notify/outbox.js';
import { transact } from '../core/store/writes.js';
import { assertActionsAllowed } from './conditions.js';
import { closureNotices } from './notices.js';
import { timerDelete } from './store.js';

export async function restoreServices(caller: AccountCaller) {
  const account = await requireAccount(caller.accountId);
  assertActionsAllowed(account);
  const notices = await closureNotices(account, 'services-restored', {});
  await transact(
    [
      accountUpdate(account, { status: 'active' }, { remove: ['closure', 'closureHold'], expectStatus: ['closed'] }),
      timerDelete(account.accountId, 'closure-24h'),
      timerDelete(account.accountId, 'closure-90d'),
      ...notices.map((n) => n.write),
      auditWrite({
        accountId: account.accountId,
        traceName: 'restoreServices',
        request: caller.origin,
        result: 'success',
        changes: [{ field: 'status', old: 'closed', new: 'active' }],
      }),
    ],
    staleAccount,
  );
  await publishNow(notices.map((n) => n.pending));
  return { status: 'active' as const };
}
