/**
 * listPartnerCustomers (R-PD-10): the partner's customers by the seed-002 filters, through the customer-list index
 * (lib/partners/customer-index.ts), never a Scan. One partition is read (the most selective filter); the other index
 * filters are judged on its rows; the page's customers are then read (association, account, standing) and the
 * billing filters (expenditure, resource expiry, budget usage) judged on them. A request reads at most
 * `partnersConfig.customerListReadBudget` rows, so a page may hold fewer than `limit` items and still have a cursor.
 * Contact fields come from the account as it is now, masked. An account manager sees only its assigned customers.
 */
import type { AccountCaller } from '../core/caller.js';
import { config, partnersConfig } from '../core/config.js';
import { decodeCursor, encodeCursor } from '../core/store/pagination.js';
import { maskedContactOf, mobileHashOf } from './customer-contact.js';
import {
  type CustomerFilters,
  type IndexRow,
  budgetUsage,
  chooseDriver,
  customerIndexRows,
  postMatches,
  rowMatches,
} from './customer-index.js';
import { requirePartnerStaff } from './staff.js';
import { type CustomerCard, type IndexPageKey, customerIndexPage, loadCustomerCards, loadPartnerCustomer } from './store.js';

export interface CustomerListQuery extends Omit<CustomerFilters, 'mobileHash'> {
  mobile?: string;
  limit?: number;
  cursor?: string;
}

const iso = (t: string | undefined) => (t ? new Date(t).toISOString() : undefined);

export async function listPartnerCustomers(caller: AccountCaller, q: CustomerListQuery) {
  const staff = await requirePartnerStaff(caller);
  const managerScope = staff.role === 'account-manager' ? staff.accountId : undefined;
  const { mobile, limit: askedLimit, cursor, ...rest } = q;
  const filters: CustomerFilters = {
    ...rest,
    ...(q.associatedFrom ? { associatedFrom: iso(q.associatedFrom) } : {}),
    ...(q.associatedTo ? { associatedTo: iso(q.associatedTo) } : {}),
    ...(mobile ? { mobileHash: mobileHashOf(mobile) } : {}),
  };
  const limit = Math.min(askedLimit ?? config.pagination.defaultLimit, config.pagination.maxLimit);
  const scope = `partner-customers:${staff.partnerId}:${staff.accountId}:${JSON.stringify(Object.entries(filters).sort())}`;
  const match = (row: IndexRow) => rowMatches(row, filters, managerScope);
  const driver = chooseDriver(filters, managerScope);

  // Decoded whatever the driver: a cursor of another list, filter or caller is refused (400), never ignored.
  const startKey = decodeCursor(scope, cursor) as IndexPageKey | undefined;
  let rows: IndexRow[];
  let nextKey: IndexPageKey | undefined;
  if (driver.kind === 'customer') {
    const a = await loadPartnerCustomer(staff.partnerId, driver.customerId);
    rows = a && !startKey ? customerIndexRows(a, a.indexExtras).slice(0, 1).filter(match) : [];
  } else {
    const page = await customerIndexPage(staff.partnerId, driver, {
      limit,
      budget: partnersConfig.customerListReadBudget,
      startKey,
      match,
    });
    rows = page.rows;
    nextKey = page.nextKey;
  }

  const cards = await loadCustomerCards(
    staff.partnerId,
    rows.map((r) => r.customerId),
  );
  const items = rows.flatMap((row) => {
    const card = cards.get(row.customerId);
    // The association is the truth: a row left behind by a change that no longer matches is not listed.
    if (!card?.account || !truthMatches(card, filters, managerScope)) return [];
    const billing = {
      ...(card.standing.monthToDateExpenditure !== undefined ? { monthToDateExpenditure: card.standing.monthToDateExpenditure } : {}),
      ...(card.standing.resourcesExpireAt !== undefined ? { resourcesExpireAt: card.standing.resourcesExpireAt } : {}),
      ...(card.association.budget ? { monthlyBudget: card.association.budget.monthlyBudget } : {}),
    };
    if (!postMatches(billing, filters)) return [];
    return [view(card, billing)];
  });
  const nextCursor = encodeCursor(scope, nextKey);
  return { items, ...(nextCursor ? { nextCursor } : {}) };
}

function truthMatches(card: CustomerCard, filters: CustomerFilters, managerScope: string | undefined): boolean {
  const [all] = customerIndexRows(card.association, card.association.indexExtras);
  return all !== undefined && rowMatches({ ...all, facet: 'all' }, filters, managerScope);
}

function view(card: CustomerCard, billing: { monthToDateExpenditure?: number; resourcesExpireAt?: string; monthlyBudget?: number }) {
  const a = card.association;
  const usage = budgetUsage(billing);
  return {
    customerId: a.customerId,
    model: a.model,
    associatedAt: a.associatedAt,
    frozen: a.frozen,
    authorized: a.authorized,
    ...(a.accountManagerId ? { accountManagerId: a.accountManagerId } : {}),
    tags: a.tags ?? [],
    ...(card.account ? maskedContactOf(card.account) : {}),
    ...(a.budget ? { budget: { monthlyBudget: a.budget.monthlyBudget, currency: a.budget.currency } } : {}),
    ...(billing.monthToDateExpenditure !== undefined ? { monthToDateExpenditure: billing.monthToDateExpenditure } : {}),
    ...(usage !== undefined ? { budgetUsage: usage } : {}),
    ...(billing.resourcesExpireAt !== undefined ? { resourcesExpireAt: billing.resourcesExpireAt } : {}),
  };
}
