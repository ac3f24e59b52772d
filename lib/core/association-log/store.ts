/**
 * Reads of the association log (./log.ts writes it): one view's entries between two times, a bounded page per
 * Query, oldest or newest first, with an opaque cursor bound to the view and the filter.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { decodeCursor, encodeCursor } from '../store/pagination.js';
import { query } from '../store/patterns.js';
import * as queries from '../store/queries.js';
import { TABLE, db } from '../store/table.js';
import type { LogEntry } from './log.js';

export interface LogPage {
  /** ISO time, inclusive. */
  from?: string;
  /** ISO time, inclusive. */
  to?: string;
  limit?: number;
  cursor?: string;
  newestFirst?: boolean;
}

export async function listLog(view: string, page: LogPage = {}): Promise<{ items: LogEntry[]; cursor?: string }> {
  const limit = Math.min(Math.max(1, page.limit ?? config.pagination.defaultLimit), config.pagination.maxLimit);
  const scope = `assoclog:${view}:${page.from ?? ''}:${page.to ?? ''}:${page.newestFirst ? 'desc' : 'asc'}`;
  // Sort keys are `<iso time>#<id>`: '#' < '~', so `<to>~` keeps every entry at exactly `to`.
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      ...query(queries.associationLog, view, page.from ?? '0', page.to ? `${page.to}~` : '~'),
      ScanIndexForward: !page.newestFirst,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(scope, page.cursor),
    }),
  );
  const items = (out.Items ?? []).map((i) => i.entry as LogEntry);
  const cursor = encodeCursor(scope, out.LastEvaluatedKey);
  return cursor ? { items, cursor } : { items };
}
