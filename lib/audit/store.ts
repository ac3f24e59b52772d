/**
 * The audit area's reads (issue 10): the only file of lib/audit that touches the SDK. One partition per
 * account (ACCOUNT#<id>#AUDIT, sort key "<iso time>#<id>"): a time range is a key condition, a trace
 * name a filter; newest first. Writing traces lives in lib/core/audit.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as keys from '../core/store/key-builders.js';
import { TABLE, db } from '../core/store/table.js';

export interface TraceFilter {
  from?: string;
  to?: string;
  traceName?: string;
}

export type TraceItem = Record<string, any>;
export type PageKey = Record<string, any>;

/** One DynamoDB page of an account's traces, newest first: at most `limit` items, and where to go on. */
export async function traceQueryPage(
  accountId: string,
  filter: TraceFilter,
  limit: number,
  startKey: PageKey | undefined,
): Promise<{ items: TraceItem[]; nextKey?: PageKey }> {
  const range = filter.from && filter.to ? 'sk BETWEEN :from AND :to' : filter.from ? 'sk >= :from' : filter.to ? 'sk <= :to' : undefined;
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: `pk = :pk${range ? ` AND ${range}` : ''}`,
      ...(filter.traceName ? { FilterExpression: 'traceName = :name' } : {}),
      ExpressionAttributeValues: {
        ':pk': keys.auditPartition(accountId),
        ...(filter.from ? { ':from': filter.from } : {}),
        // Sort keys are "<iso>#<id>": "~" sorts after "#", so `to` includes traces at exactly that time.
        ...(filter.to ? { ':to': `${filter.to}~` } : {}),
        ...(filter.traceName ? { ':name': filter.traceName } : {}),
      },
      ScanIndexForward: false,
      Limit: limit,
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  return { items: out.Items ?? [], ...(out.LastEvaluatedKey ? { nextKey: out.LastEvaluatedKey } : {}) };
}
