/** The closure status of the caller's account and its timers. */
import { requireAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { closureOf } from './conditions.js';

export async function getClosure(caller: AccountCaller) {
  const account = await requireAccount(caller.accountId);
  const closure = closureOf(account);
  return {
    status: account.status,
    ...(closure
      ? { closedAt: closure.closedAt, actionsAllowedFrom: closure.actionsAllowedFrom, autoDisableAt: closure.autoDisableAt }
      : {}),
    ...(account.status === 'closed' ? { held: Boolean(account.closureHold) } : {}),
  };
}
