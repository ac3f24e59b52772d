/**
 * The preferences area's store (R-PR-01, R-PR-02): the preferences live on the account item (written
 * through the accounts store's conditional update); the currency history is one item per change under
 * the account's partition, so another account's history is never read.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from '../core/store/key-builders.js';
import { query } from '../core/store/patterns.js';
import * as queries from '../core/store/queries.js';
import { TABLE, db } from '../core/store/table.js';
import { tagged } from '../core/store/writes.js';

/** A currency change in the history (tag `currency`); fails if one exists at the same instant. */
export function currencyChangePut(accountId: string, at: string, currency: string, previous: string | undefined) {
  return tagged('currency', {
    Put: {
      TableName: TABLE(),
      Item: { ...keys.currencyChange(accountId, at), currency, previous, changedAt: at },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
}

/** R-PR-02: the account's currency history, oldest first. */
export async function currencyHistory(accountId: string): Promise<Array<{ currency: string; changedAt: string }>> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...query(queries.currencyHistory, accountId),
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => ({ currency: i.currency, changedAt: i.changedAt }));
}
