/**
 * The local stage's test clock: an offset stored in the table so that every function (each its own
 * process under serverless-offline) sees the same time. Deployed stages never read or write it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockOffset, nowIso, setClockOffset } from '../core/clock.js';
import { config } from '../core/config.js';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db } from '../core/store/table.js';
import { update } from '../core/store/writes.js';

export async function syncTestClock(): Promise<void> {
  if (!config.testClock) return;
  const out = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.clock(), ConsistentRead: true }));
  setClockOffset(Number(out.Item?.offsetMs ?? 0));
}

export async function advanceTestClock(seconds: number): Promise<string> {
  const out = await update({
    TableName: TABLE(),
    Key: keys.clock(),
    UpdateExpression: 'ADD offsetMs :ms',
    ExpressionAttributeValues: { ':ms': Math.round(seconds * 1000) },
    ReturnValues: 'ALL_NEW',
  });
  setClockOffset(Number(out.Attributes?.offsetMs ?? clockOffset()));
  return nowIso();
}
