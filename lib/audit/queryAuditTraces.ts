/**
 * queryAuditTraces (R-AU-03): the caller's traces by time range and trace name, newest first, with an
 * opaque cursor; pages are filled across DynamoDB pages up to `limit` (lib/audit/store.ts).
 */
import type { AccountCaller } from '../core/caller.js';
import { config } from '../core/config.js';
import { decodeCursor, encodeCursor } from '../core/store/pagination.js';
import { type TraceItem, traceQueryPage } from './store.js';

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
// Issue 11 (R-PA-06): a partner's action says which partner (`partner:<partnerId>`), not which of its staff.
const customerActor = (actor: string): string =>
  actor.startsWith('operator:') ? 'operator' : actor.startsWith('partner:') ? actor.split(':').slice(0, 2).join(':') : actor;

/**
 * The source IP as the customer sees it: its own requests' address; for an action of an operator or a partner's staff
 * the kind of actor instead — their addresses are theirs, not the customer's (issue 11 review 3 finding 3).
 */
const customerSourceIp = (actor: string, sourceIp: string): string =>
  actor.startsWith('operator:') ? 'operator' : actor.startsWith('partner:') ? 'partner' : sourceIp;

export async function queryAuditTraces(caller: AccountCaller, q: TraceQuery) {
  const scope = `audit:${caller.accountId}:${q.from ?? ''}:${q.to ?? ''}:${q.traceName ?? ''}`;
  const limit = q.limit ?? config.pagination.defaultLimit;
  let startKey = decodeCursor(scope, q.cursor);
  const items: TraceItem[] = [];
  do {
    const page = await traceQueryPage(caller.accountId, q, limit - items.length, startKey);
    items.push(...page.items);
    startKey = page.nextKey;
  } while (startKey && items.length < limit);
  const last = items.at(-1);
  const nextCursor = startKey && last ? encodeCursor(scope, { pk: last.pk, sk: last.sk }) : undefined;
  return {
    items: items.map((i) => ({
      traceName: i.traceName,
      resourceType: i.resourceType,
      time: i.time,
      actor: customerActor(i.actor),
      sourceIp: customerSourceIp(i.actor, i.sourceIp),
      requestId: i.requestId,
      result: i.result,
      ...(i.changes ? { changes: i.changes } : {}),
    })),
    ...(nextCursor ? { nextCursor } : {}),
  };
}
