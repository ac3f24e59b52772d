/**
 * listAssociationRecords (R-PD-07): the partner's association records — every invitation, association, freeze,
 * budget, authorization change, request and decision, with actor and time — newest first, from the permanent
 * association log (view `<partnerId>`, or `<partnerId>#<customerId>` for one customer). Association type, customer
 * name, customer account (the tenant name stored normalised in each entry) and event are judged on each page read, so a page may hold fewer than `limit` items and still have a cursor.
 * An account manager sees only the records of customers currently assigned to it.
 */
import { listLog } from '../core/association-log/store.js';
import type { AccountCaller } from '../core/caller.js';
import { normaliseText } from './customer-index.js';
import { recordView } from './records.js';
import { requireCustomerOfPartner, requirePartnerStaff } from './staff.js';
import { loadPartnerCustomers } from './store.js';

export interface RecordsQuery {
  model?: string;
  from?: string;
  to?: string;
  customerId?: string;
  customerName?: string;
  /** A prefix of the customer's account (tenant) name, ≥ 3 characters; never the login ID. */
  customerAccount?: string;
  event?: string;
  limit?: number;
  cursor?: string;
}

const iso = (t: string | undefined) => (t ? new Date(t).toISOString() : undefined);

export async function listAssociationRecords(caller: AccountCaller, q: RecordsQuery) {
  const staff = await requirePartnerStaff(caller);
  const manager = staff.role === 'account-manager';
  // A manager's view of one customer needs the assignment; the administrator's also covers former customers.
  if (q.customerId && manager) await requireCustomerOfPartner(staff, q.customerId);
  const view = q.customerId ? `${staff.partnerId}#${q.customerId}` : staff.partnerId;
  const page = await listLog(view, {
    ...(q.from ? { from: iso(q.from) } : {}),
    ...(q.to ? { to: iso(q.to) } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
    newestFirst: true,
  });
  const name = q.customerName ? normaliseText(q.customerName) : undefined;
  const account = q.customerAccount ? normaliseText(q.customerAccount) : undefined;
  let items = page.items.filter(
    (e) =>
      e.area === 'partner' &&
      (!q.model || e.model === q.model) &&
      (!q.event || e.event === q.event) &&
      (!name || normaliseText(e.customerName ?? '').startsWith(name)) &&
      (!account || (e.customerAccount ?? '').startsWith(account)),
  );
  if (manager && !q.customerId) {
    const ids = [...new Set(items.flatMap((e) => (e.customerId ? [e.customerId] : [])))];
    const assigned = new Set(
      (await loadPartnerCustomers(staff.partnerId, ids)).filter((a) => a.accountManagerId === staff.accountId).map((a) => a.customerId),
    );
    items = items.filter((e) => e.customerId !== undefined && assigned.has(e.customerId));
  }
  return { items: items.map((e) => recordView(e, 'partner')), ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}
