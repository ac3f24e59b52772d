/**
 * The huawei-id area's storage (issue 10): the writes of deleting a HUAWEI ID that are not another area's.
 * Transaction items are tagged (`account`; the code's consume is tagged `code` by lib/verification).
 */
import type { AccountItem } from '../accounts/account.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE } from '../core/store/table.js';
import { type ConditionFailed, type TransactItem, tagged, transact } from '../core/store/writes.js';

/** R-CL-14: a never-enabled account goes whole, only if unchanged since it was read (tag `account`). */
export function neverEnabledAccountDelete(account: Pick<AccountItem, 'accountId' | 'version'>): TransactItem {
  return tagged('account', {
    Delete: {
      TableName: TABLE(),
      Key: keys.account(account.accountId),
      ConditionExpression: 'version = :v AND #status = :registered',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':v': account.version, ':registered': 'registered' },
    },
  });
}

/** The purge timer of what a never-enabled account held (tag `purge`). */
export function purgeTimerPut(item: Record<string, unknown>): TransactItem {
  return tagged('purge', { Put: { TableName: TABLE(), Item: item } });
}

/** Commits transaction items; a failed condition becomes `onFailed(failure)`. */
export const commit = (items: TransactItem[], onFailed: (failure: ConditionFailed) => Error) => transact(items, onFailed);
