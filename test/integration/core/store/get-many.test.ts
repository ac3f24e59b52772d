/**
 * Review finding (issue 10): a BatchGetItem may leave keys unprocessed; `getMany` asks for them again and fails
 * rather than answering as if they did not exist (the facts loader would otherwise pass a check on missing facts).
 */
import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { TABLE, getMany } from '../../../../lib/core/store/table.js';

const a = { pk: 'A', sk: 'X' };
const b = { pk: 'B', sk: 'X' };
const mock = mockClient(DynamoDBDocumentClient);
afterEach(() => mock.reset());

describe('getMany (issue 10 review R1)', () => {
  it('asks again for the keys DynamoDB left unprocessed and returns every item', async () => {
    mock
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { [TABLE()]: [{ ...a, v: 1 }] }, UnprocessedKeys: { [TABLE()]: { Keys: [b] } } })
      .resolvesOnce({ Responses: { [TABLE()]: [{ ...b, v: 2 }] } });
    expect(await getMany([a, b])).toEqual([
      { ...a, v: 1 },
      { ...b, v: 2 },
    ]);
    expect(mock.commandCalls(BatchGetCommand)[1]!.args[0].input.RequestItems![TABLE()]!.Keys).toEqual([b]);
  });

  it('fails when keys stay unprocessed, instead of reading them as absent', async () => {
    mock.on(BatchGetCommand).resolves({ Responses: { [TABLE()]: [] }, UnprocessedKeys: { [TABLE()]: { Keys: [a] } } });
    await expect(getMany([a], 2)).rejects.toThrow(/unprocessed/);
  });
});
