/** The one facts loader per account (issue 10): standing and association facts in one consistent read. */
import * as keys from '../store/key-builders.js';
import { TABLE, getMany } from '../store/table.js';
import { type TransactItem, tagged } from '../store/writes.js';
import { ASSOCIATION_FACTS, type AccountFacts, type Associations, type Standing } from './facts.js';

export async function loadFacts(accountId: string): Promise<AccountFacts> {
  const standingKey = keys.standing(accountId);
  const factsKey = keys.accountFacts(accountId);
  const items = await getMany([standingKey, factsKey]);
  const standing = items.find((i) => i.sk === standingKey.sk);
  const facts = items.find((i) => i.sk === factsKey.sk);
  return {
    standing: (standing?.standing as Standing | undefined) ?? {},
    standingVersion: (standing?.version as number | undefined) ?? 0,
    // Every fact is false unless the area that owns it recorded true.
    associations: Object.fromEntries(ASSOCIATION_FACTS.map((f) => [f, facts?.[f] === true])) as unknown as Associations,
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

/**
 * Holds only while the account has no association (tag `facts`): a commit that judged "not associated" (closing,
 * R-CL-03) is refused when an association was recorded after the facts were read.
 */
export function stillUnassociated(accountId: string): TransactItem {
  return tagged('facts', {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.accountFacts(accountId),
      ConditionExpression:
        'attribute_not_exists(pk) OR ((attribute_not_exists(partnerAssociated) OR partnerAssociated = :no) AND (attribute_not_exists(enterpriseAssociated) OR enterpriseAssociated = :no))',
      ExpressionAttributeValues: { ':no': false },
    },
  });
}
