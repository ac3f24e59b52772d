import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Conflict } from '../../../../lib/core/errors.js';
import * as keys from '../../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../../lib/core/store/table.js';
import { ConditionFailed, put, transact, update, tagged } from '../../../../lib/core/store/writes.js';
import { toProblem } from '../../../../lib/core/http/problem.js';

const uid = () => Math.random().toString(36).slice(2);

describe('conditional writes and transactions (DynamoDB Local)', () => {
  it('a failed condition on a single write becomes ConditionFailed, or the error the use case maps it to', async () => {
    const key = keys.claim('EMAIL', `${uid()}@example.com`);
    await put({ TableName: TABLE(), Item: { ...key, accountId: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' });
    await expect(
      put({ TableName: TABLE(), Item: { ...key, accountId: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' }),
    ).rejects.toBeInstanceOf(ConditionFailed);
    const mapped = await put(
      { TableName: TABLE(), Item: { ...key, accountId: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' },
      () => new Conflict('EMAIL_TAKEN', 'taken'),
    ).catch((error: unknown) => toProblem(error));
    // The store throws the domain error; the edge answers it with the status of its code.
    expect(mapped).toMatchObject({ status: 409, code: 'EMAIL_TAKEN' });
  });

  it('a cancelled transaction names which item failed and writes nothing', async () => {
    const taken = keys.claim('EMAIL', `${uid()}@example.com`);
    await put({ TableName: TABLE(), Item: { ...taken, accountId: 'a' } });
    const account = keys.account(uid());
    const error = await transact([
      tagged('account', {
        Put: { TableName: TABLE(), Item: { ...account, status: 'registered' }, ConditionExpression: 'attribute_not_exists(pk)' },
      }),
      tagged('claim', { Put: { TableName: TABLE(), Item: { ...taken, accountId: 'b' }, ConditionExpression: 'attribute_not_exists(pk)' } }),
    ]).catch((e) => e);
    expect(error).toBeInstanceOf(ConditionFailed);
    // Issue 10: by name, not by position.
    expect((error as ConditionFailed).failedTags()).toEqual(['claim']);
    expect((error as ConditionFailed).failed('account')).toBe(false);
    const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: account }));
    expect(Item).toBeUndefined();
  });

  it('10 parallel conditional increments against a limit of 3: exactly 3 succeed', async () => {
    const key = keys.account(uid());
    await put({ TableName: TABLE(), Item: { ...key, used: 0 } });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        update({
          TableName: TABLE(),
          Key: key,
          UpdateExpression: 'ADD used :one',
          ConditionExpression: 'used < :limit',
          ExpressionAttributeValues: { ':one': 1, ':limit': 3 },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(
      results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConditionFailed),
    ).toBe(true);
  });
});
