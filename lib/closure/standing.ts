/**
 * The account's standing: facts other systems own (billing, orders, contracts), pushed by operators
 * through PUT /v1/ops/accounts/{id}/standing. Stored whole with a version, so a closure can condition
 * on exactly the standing it judged (R-CL-05).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getAccount } from '../accounts/account.js';
import { nowIso } from '../clock.js';
import { NotFound } from '../errors.js';
import { keys } from '../store/keys.js';
import { TABLE, db } from '../store/table.js';
import { type TransactItem, put } from '../store/writes.js';
import type { Standing } from './rules.js';

export interface StandingItem {
  standing: Standing;
  version: number;
  updatedAt?: string;
}

export async function readStanding(accountId: string): Promise<StandingItem> {
  const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.standing(accountId), ConsistentRead: true }));
  return Item ? { standing: Item.standing as Standing, version: Item.version as number, updatedAt: Item.updatedAt } : { standing: {}, version: 0 };
}

/** A transaction item that holds only if the standing is still the version that was judged. */
export function standingUnchanged(accountId: string, version: number): TransactItem {
  return {
    ConditionCheck: {
      TableName: TABLE(),
      Key: keys.standing(accountId),
      ConditionExpression: version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(version === 0 ? {} : { ExpressionAttributeValues: { ':v': version } }),
    },
  };
}

export async function storeStanding(accountId: string, standing: Standing) {
  const account = await getAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  const current = await readStanding(accountId);
  const updatedAt = nowIso();
  await put({
    TableName: TABLE(),
    Item: { ...keys.standing(accountId), standing, version: current.version + 1, updatedAt },
    ConditionExpression: current.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
    ...(current.version === 0 ? {} : { ExpressionAttributeValues: { ':v': current.version } }),
  });
  return { ...standing, updatedAt };
}
