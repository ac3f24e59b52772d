/** The one facts loader per account (issue 10): standing and association facts in one consistent read. */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../store/keys.js';
import { TABLE, db } from '../store/table.js';
import type { TransactItem } from '../store/writes.js';
import { type AccountFacts, type Associations, NO_ASSOCIATIONS, type Standing } from './facts.js';

export async function loadFacts(accountId: string): Promise<AccountFacts> {
  const standingKey = keys.standing(accountId);
  const factsKey = keys.accountFacts(accountId);
  const out = await db().send(new BatchGetCommand({ RequestItems: { [TABLE()]: { Keys: [standingKey, factsKey], ConsistentRead: true } } }));
  const items = out.Responses?.[TABLE()] ?? [];
  const standing = items.find((i) => i.sk === standingKey.sk);
  const facts = items.find((i) => i.sk === factsKey.sk);
  return {
    standing: (standing?.standing as Standing | undefined) ?? {},
    standingVersion: (standing?.version as number | undefined) ?? 0,
    associations: {
      partnerAssociated: facts?.partnerAssociated === true || NO_ASSOCIATIONS.partnerAssociated,
      enterpriseAssociated: facts?.enterpriseAssociated === true || NO_ASSOCIATIONS.enterpriseAssociated,
    },
  };
}

/** Sets association facts of an account, inside the transaction of the change that makes them true or false. */
export function associationFactsWrite(accountId: string, patch: Partial<Associations>): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(patch).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  return {
    Update: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
