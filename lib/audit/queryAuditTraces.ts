/**
 * R-AU-03: the caller's traces by time range and trace name, newest first, with an opaque cursor.
 * One partition per account (ACCOUNT#<id>#AUDIT, sort key = ISO time): the range is a key condition,
 * the trace name a filter; pages are filled across DynamoDB pages up to `limit`.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../core/config.js';
import type { Session } from '../core/http/route.js';
import { keys } from '../core/store/keys.js';
import { decodeCursor, encodeCursor } from '../core/store/pagination.js';
import { TABLE, db } from '../core/store/table.js';

export interface TraceQuery {
  from?: string;
  to?: string;
  traceName?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The actor as the customer sees it (issue 9 item 9): an operator action says `operator`, never which
 * operator; the stored trace keeps `operator:<id>` for operators' own inquiries.
 */
const customerActor = (actor: string): string => (actor.startsWith('operator:') ? 'operator' : actor);

export async function queryTraces(session: Session, q: TraceQuery) {
  const pk = keys.auditPartition(session.accountId);
  const scope = `audit:${session.accountId}:${q.from ?? ''}:${q.to ?? ''}:${q.traceName ?? ''}`;
  const limit = q.limit ?? config.pagination.defaultLimit;
  let startKey = decodeCursor(scope, q.cursor);
  const items: Record<string, any>[] = [];
  const range =
    q.from && q.to ? 'sk BETWEEN :from AND :to' : q.from ? 'sk >= :from' : q.to ? 'sk <= :to' : undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: `pk = :pk${range ? ` AND ${range}` : ''}`,
        ...(q.traceName ? { FilterExpression: 'traceName = :name' } : {}),
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(q.from ? { ':from': q.from } : {}),
          // Sort keys are "<iso>#<id>": "~" sorts after "#", so `to` includes traces at exactly that time.
          ...(q.to ? { ':to': `${q.to}~` } : {}),
          ...(q.traceName ? { ':name': q.traceName } : {}),
        },
        ScanIndexForward: false,
        Limit: limit - items.length,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  const last = items.at(-1);
  const nextCursor = startKey && last ? encodeCursor(scope, { pk: last.pk, sk: last.sk }) : undefined;
  return {
    items: items.map((i) => ({
      traceName: i.traceName,
      resourceType: i.resourceType,
      time: i.time,
      actor: customerActor(i.actor),
      sourceIp: i.sourceIp,
      requestId: i.requestId,
      result: i.result,
      ...(i.changes ? { changes: i.changes } : {}),
    })),
    ...(nextCursor ? { nextCursor } : {}),
  };
}
