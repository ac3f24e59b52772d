import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../../lib/core/store/pagination.js';
import { TABLE, db } from '../../../../lib/core/store/table.js';
import { put } from '../../../../lib/core/store/writes.js';

describe('cursor pagination over a real query', () => {
  it('walks 7 items in pages of 3 without gaps or repeats, newest first', async () => {
    const pk = `LIST#${Math.random()}`;
    for (let i = 0; i < 7; i += 1) await put({ TableName: TABLE(), Item: { pk, sk: `2026-01-0${i + 1}`, n: i } });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const out = await db().send(
        new QueryCommand({
          TableName: TABLE(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ScanIndexForward: false,
          Limit: 3,
          ExclusiveStartKey: decodeCursor('scope', cursor),
        }),
      );
      seen.push(...(out.Items ?? []).map((i) => i.n as number));
      cursor = encodeCursor('scope', out.LastEvaluatedKey);
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });
});
