/**
 * How an enterprise association-log entry is shown (issue 12 route 14, R-MM-01/02): to the master on its view
 * (`ent-master:<id>`) and to the member on its own (`ent-member:<id>`). The actor is a role and an account ID:
 * `master:<id>`, `member:<id>`, `system` (the scheduler) or `operator` — never which operator.
 */
import type { LogEntry } from '../core/association-log/log.js';
import type { AccountingMode, Permission } from './kinds.js';
import { listLog } from '../core/association-log/store.js';

type Details = {
  masterAccountId?: string;
  memberAccountId?: string;
  accountingMode?: AccountingMode;
  permissions?: Permission[];
  requestId?: string;
};

function actorOf(e: LogEntry, d: Details): string {
  if (e.actor.kind === 'operator') return 'operator';
  if (e.actor.kind === 'system') return 'system';
  if (e.actor.id === d.masterAccountId) return `master:${e.actor.id}`;
  if (e.actor.id === d.memberAccountId) return `member:${e.actor.id}`;
  return e.actor.kind;
}

export function enterpriseRecordView(e: LogEntry) {
  const d = (e.details ?? {}) as Details;
  return {
    event: e.event,
    time: e.time,
    actor: actorOf(e, d),
    masterAccountId: d.masterAccountId ?? '',
    memberAccountId: d.memberAccountId ?? '',
    ...(d.accountingMode ? { accountingMode: d.accountingMode } : {}),
    ...(d.permissions ? { permissions: d.permissions } : {}),
    ...(d.requestId ? { requestId: d.requestId } : {}),
  };
}

export interface RecordsQuery {
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

const iso = (t: string) => new Date(t).toISOString();

/** One view's enterprise records, newest first. */
export async function recordsOf(view: string, q: RecordsQuery) {
  const page = await listLog(view, {
    ...(q.from ? { from: iso(q.from) } : {}),
    ...(q.to ? { to: iso(q.to) } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
    newestFirst: true,
  });
  const items = page.items.filter((e) => e.area === 'enterprise').map(enterpriseRecordView);
  return { items, ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}
