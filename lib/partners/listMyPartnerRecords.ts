/**
 * listMyPartnerRecords (R-PD-07): the customer's own association records (its operation log with partners): every
 * association, freeze, budget, authorization change, request and decision, and each reveal of its contact data,
 * with actor and time; newest first, permanent (view `<customerId>` of the association log).
 */
import { listLog } from '../core/association-log/store.js';
import type { AccountCaller } from '../core/caller.js';
import { recordView } from './records.js';

const iso = (t: string | undefined) => (t ? new Date(t).toISOString() : undefined);

export async function listMyPartnerRecords(caller: AccountCaller, q: { from?: string; to?: string; limit?: number; cursor?: string }) {
  const page = await listLog(caller.accountId, {
    ...(q.from ? { from: iso(q.from) } : {}),
    ...(q.to ? { to: iso(q.to) } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
    newestFirst: true,
  });
  const items = page.items.filter((e) => e.area === 'partner').map((e) => recordView(e, 'customer'));
  return { items, ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}
