/**
 * Account information (R-AI-02..07, R-AI-10, R-AI-11): each change is one conditional transaction with
 * its audit trace; uniqueness claims move in the same transaction. Issue 10: the write is conditioned on
 * the attributes the decision read (and the status), not on one global version, so unrelated changes
 * of one account made at the same time both succeed.
 */
import { auditWrite, type Change, type TraceName } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { ValidationFailed } from '../core/errors.js';
import { servicesClosed } from '../core/messages.js';
import { ConditionFailed, type TransactItem, TransactionConflict, transact } from '../core/store/writes.js';
import { EDITABLE } from '../core/account-status.js';
import { type AccountItem, staleAccount } from './account.js';
import { accountUpdate, loadAccount } from './store.js';

export function assertEditable(account: AccountItem): void {
  if (!EDITABLE.includes(account.status)) {
    throw servicesClosed();
  }
}

export function invalid(field: string, messages: string[]): void {
  if (messages.length) throw new ValidationFailed(messages.map((message) => ({ path: `body.${field}`, message })));
}

export interface Plan {
  set: Record<string, unknown>;
  remove?: string[];
  /** The attributes of the account the decision read (issue 10): the write holds only while they are unchanged. */
  read: ReadonlyArray<keyof AccountItem & string>;
  extra?: TransactItem[];
  changes: Change[];
}

/**
 * Reads the account, lets `plan` decide (throwing rule violations), then commits the change with its
 * trace. A concurrent change of what the decision read makes the condition fail: read and decide again,
 * so quotas are judged on fresh data.
 */
export async function changeAccount(
  caller: AccountCaller,
  traceName: TraceName,
  plan: (account: AccountItem) => Plan,
  onFailed?: (failure: ConditionFailed) => Error | undefined,
): Promise<AccountItem> {
  for (let attempt = 1; ; attempt += 1) {
    const account = await loadAccount(caller.accountId);
    assertEditable(account);
    const p = plan(account);
    try {
      await transact([
        accountUpdate(account, p.set, { remove: p.remove, expectStatus: EDITABLE, read: p.read }),
        auditWrite({ accountId: account.accountId, traceName, request: caller.origin, result: 'success', changes: p.changes }),
        ...(p.extra ?? []),
      ]);
      return { ...account, ...p.set };
    } catch (error) {
      if (error instanceof TransactionConflict) {
        if (attempt >= 5) throw staleAccount();
        continue;
      }
      if (!(error instanceof ConditionFailed)) throw error;
      const mapped = onFailed?.(error);
      if (mapped) throw mapped;
      if (attempt >= 5) throw staleAccount();
    }
  }
}
