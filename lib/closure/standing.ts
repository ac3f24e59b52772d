/**
 * The account's standing: facts other systems own (billing, orders, contracts), pushed by operators
 * through PUT /v1/ops/accounts/{id}/standing. Stored whole with a version, so a closure can condition
 * on exactly the standing it judged (R-CL-05).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { getAccount } from '../accounts/account.js';
import { nowIso } from '../core/clock.js';
import { auditWrite } from '../core/audit/audit.js';
import { Conflict, NotFound } from '../core/errors.js';
import type { RequestInfo } from '../core/http/route.js';
import { type Operator, operatorActor } from '../core/operators.js';
import { keys } from '../core/store/keys.js';
import { TABLE, db } from '../core/store/table.js';
import { type TransactItem, transact } from '../core/store/writes.js';
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

/** Stores the standing an operator pushed, audited on the account with the operator's ID. */
export async function storeStanding(operator: Operator, accountId: string, standing: Standing, request: RequestInfo) {
  const account = await getAccount(accountId);
  if (!account || account.status === 'disabled') throw new NotFound();
  const current = await readStanding(accountId);
  const updatedAt = nowIso();
  const changed = Object.keys(standing).filter((f) => current.standing[f as keyof Standing] !== standing[f as keyof Standing]);
  await transact(
    [
      {
        Put: {
          TableName: TABLE(),
          Item: { ...keys.standing(accountId), standing, version: current.version + 1, updatedAt },
          ConditionExpression: current.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(current.version === 0 ? {} : { ExpressionAttributeValues: { ':v': current.version } }),
        },
      },
      auditWrite({
        accountId,
        traceName: 'putStanding',
        request,
        result: 'success',
        actor: operatorActor(operator),
        changes: changed.map((field) => ({ field: `standing.${field}`, old: current.standing[field as keyof Standing], new: standing[field as keyof Standing] })),
      }),
    ],
    () => new Conflict('STATE_CONFLICT', 'The standing changed meanwhile; send it again.'),
  );
  return { ...standing, updatedAt };
}
