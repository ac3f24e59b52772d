/**
 * The partner's customer list (R-PD-10) as index rows ("facet rows"), pure. Every association has one row per facet
 * value it carries, written in the same transaction as the association change (lib/partners/store.ts
 * `indexRowsDiff`), so a search is a Query of one facet's partition, never a Scan:
 * - equality facets: partition `PARTNER#<pid>#BY#<facet>#<value>`, sort `<associatedAt>#<customerId>` (newest first;
 *   an association-time range is a key condition): `all`, `frozen`, `model`, `manager`, `mobile` (keyed hash), `tag`;
 * - prefix facets: partition `PARTNER#<pid>#BY#<facet>`, sort `<normalised value>#<customerId>`: `name`,
 *   `account` (the tenant name; never the login ID, which the partner is not shown: R-PD-10). A prefix has at least
 *   `MIN_PREFIX` characters (the route refuses shorter ones).
 * Every row carries the same projection (the facet values of the customer), so the other index filters are judged on
 * the row itself (no read per candidate); filters on billing facts (expenditure, resource expiry, budget usage) are
 * judged after the page's customers are read (`postMatches`).
 */
import * as keys from '../core/store/key-builders.js';

export type EqualityFacet = 'all' | 'frozen' | 'model' | 'manager' | 'mobile' | 'tag';
export type PrefixFacet = 'name' | 'account';
export type Facet = EqualityFacet | PrefixFacet;

/** What of an association the index needs (a subset of lib/partners/model.ts Association). */
export interface IndexedAssociation {
  partnerId: string;
  customerId: string;
  model: string;
  associatedAt: string;
  frozen: boolean;
  accountManagerId?: string;
  tags?: string[];
  customerName?: string;
}

/**
 * Values the association does not hold, taken from the customer's account at the association (and again when the
 * partner saves its tags) and kept on the association item (`indexExtras`) so the rows written then can be computed
 * again (and deleted) later. The name and mobile rows therefore may lag the account (docs/data-model.md).
 */
export interface IndexExtras {
  /** keyedHash(MOBILE_HASH_PURPOSE, E.164 mobile): never the number itself. */
  mobileHash?: string;
  /** The customer's account name as the partner sees it (the tenant name). Never the login ID (R-PD-10). */
  accountNames?: string[];
}

export const MOBILE_HASH_PURPOSE = 'partner-customer-mobile';

/** The shortest name or account prefix a search takes (R-PD-10: fewer characters would enumerate the masked values). */
export const MIN_PREFIX = 3;

/** The facet values of one customer, carried by each of its rows. */
export interface RowProjection {
  partnerId: string;
  customerId: string;
  model: string;
  associatedAt: string;
  frozen: boolean;
  accountManagerId?: string;
  tags: string[];
  nameKey?: string;
  accountKeys: string[];
  mobileHash?: string;
}

export interface IndexRow extends RowProjection {
  pk: string;
  sk: string;
  facet: Facet;
  /** The row's own facet value (for `account`: which of the account names this row is). */
  facetValue: string;
}

/** Case-insensitive, width-insensitive, spaces collapsed: how names and prefixes are compared. */
export function normaliseText(value: string): string {
  return value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function projectionOf(a: IndexedAssociation, extras: IndexExtras = {}): RowProjection {
  const nameKey = a.customerName ? normaliseText(a.customerName) : '';
  const accountKeys = [...new Set((extras.accountNames ?? []).map(normaliseText).filter((v) => v !== ''))].sort();
  return {
    partnerId: a.partnerId,
    customerId: a.customerId,
    model: a.model,
    associatedAt: a.associatedAt,
    frozen: a.frozen === true,
    ...(a.accountManagerId ? { accountManagerId: a.accountManagerId } : {}),
    tags: [...new Set(a.tags ?? [])].sort(),
    ...(nameKey ? { nameKey } : {}),
    accountKeys,
    ...(extras.mobileHash ? { mobileHash: extras.mobileHash } : {}),
  };
}

/** Every index row of one association (pure; the same input gives the same rows). */
export function customerIndexRows(a: IndexedAssociation, extras: IndexExtras = {}): IndexRow[] {
  const p = projectionOf(a, extras);
  const byTime = (facet: EqualityFacet, value: string): IndexRow => ({
    ...keys.partnerCustomerIndexRow(p.partnerId, facet, value, p.associatedAt, p.customerId),
    facet,
    facetValue: value,
    ...p,
  });
  const byValue = (facet: PrefixFacet, value: string): IndexRow => ({
    ...keys.partnerCustomerIndexRow(p.partnerId, facet, undefined, value, p.customerId),
    facet,
    facetValue: value,
    ...p,
  });
  return [
    byTime('all', ''),
    byTime('frozen', String(p.frozen)),
    byTime('model', p.model),
    ...(p.accountManagerId ? [byTime('manager', p.accountManagerId)] : []),
    ...(p.mobileHash ? [byTime('mobile', p.mobileHash)] : []),
    ...p.tags.map((t) => byTime('tag', t)),
    ...(p.nameKey ? [byValue('name', p.nameKey)] : []),
    ...p.accountKeys.map((v) => byValue('account', v)),
  ];
}

/** The rows to delete and to put so that `before` becomes `after` (rows that did not change are not written). */
export function rowsDiff(before: IndexRow[], after: IndexRow[]): { deletes: IndexRow[]; puts: IndexRow[] } {
  const id = (r: IndexRow) => `${r.pk}\u0000${r.sk}`;
  const afterIds = new Set(after.map(id));
  const beforeById = new Map(before.map((r) => [id(r), r]));
  return {
    deletes: before.filter((r) => !afterIds.has(id(r))),
    puts: after.filter((r) => {
      const old = beforeById.get(id(r));
      return !old || canonical(old) !== canonical(r);
    }),
  };
}

function canonical(row: IndexRow): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, row[k as keyof IndexRow]]),
  );
}

// ---- searching

export interface CustomerFilters {
  frozen?: boolean;
  model?: string;
  associatedFrom?: string;
  associatedTo?: string;
  customerName?: string;
  customerAccount?: string;
  customerId?: string;
  accountManagerId?: string;
  expenditureMin?: number;
  expenditureMax?: number;
  resourcesExpireAfter?: string;
  resourcesExpireBefore?: string;
  /** keyedHash(MOBILE_HASH_PURPOSE, E.164) of the searched number. */
  mobileHash?: string;
  budgetUsageMin?: number;
  budgetUsageMax?: number;
  tag?: string;
}

/** Which partition a search reads: the most selective facet the filters name. */
export type Driver =
  | { kind: 'customer'; customerId: string }
  | { kind: 'equality'; facet: EqualityFacet; value: string; from?: string; to?: string }
  | { kind: 'prefix'; facet: PrefixFacet; prefix: string };

/**
 * The driver: a customer ID is one item; then a mobile number, a tag, a name prefix, an account prefix, the account
 * manager (an account manager's own scope counts), frozen customers, the model, unfrozen customers; else every customer
 * by association time. An association-time range is a key condition on equality facets and a row filter on prefixes.
 */
export function chooseDriver(f: CustomerFilters, managerScope?: string): Driver {
  const time = { ...(f.associatedFrom ? { from: f.associatedFrom } : {}), ...(f.associatedTo ? { to: f.associatedTo } : {}) };
  const manager = managerScope ?? f.accountManagerId;
  if (f.customerId) return { kind: 'customer', customerId: f.customerId };
  if (f.mobileHash) return { kind: 'equality', facet: 'mobile', value: f.mobileHash, ...time };
  if (f.tag) return { kind: 'equality', facet: 'tag', value: f.tag, ...time };
  if (f.customerName) return { kind: 'prefix', facet: 'name', prefix: normaliseText(f.customerName) };
  if (f.customerAccount) return { kind: 'prefix', facet: 'account', prefix: normaliseText(f.customerAccount) };
  if (manager) return { kind: 'equality', facet: 'manager', value: manager, ...time };
  if (f.frozen === true) return { kind: 'equality', facet: 'frozen', value: 'true', ...time };
  if (f.model) return { kind: 'equality', facet: 'model', value: f.model, ...time };
  if (f.frozen === false) return { kind: 'equality', facet: 'frozen', value: 'false', ...time };
  return { kind: 'equality', facet: 'all', value: '', ...time };
}

/**
 * Does a row pass every index filter (and the account manager's scope)? An `account` row passes only if it is the
 * first of the customer's account names matching the prefix, so a customer is listed once whatever it carries
 * (the account keys hold the tenant name only, never the login ID: R-PD-10).
 */
export function rowMatches(
  row: IndexRow | (RowProjection & { facet?: Facet; facetValue?: string }),
  f: CustomerFilters,
  managerScope?: string,
): boolean {
  if (managerScope !== undefined && row.accountManagerId !== managerScope) return false;
  if (f.accountManagerId !== undefined && row.accountManagerId !== f.accountManagerId) return false;
  if (f.customerId !== undefined && row.customerId !== f.customerId) return false;
  if (f.frozen !== undefined && row.frozen !== f.frozen) return false;
  if (f.model !== undefined && row.model !== f.model) return false;
  if (f.associatedFrom !== undefined && row.associatedAt < f.associatedFrom) return false;
  if (f.associatedTo !== undefined && row.associatedAt > f.associatedTo) return false;
  if (f.mobileHash !== undefined && row.mobileHash !== f.mobileHash) return false;
  if (f.tag !== undefined && !row.tags.includes(f.tag)) return false;
  if (f.customerName !== undefined && !(row.nameKey ?? '').startsWith(normaliseText(f.customerName))) return false;
  if (f.customerAccount !== undefined) {
    const prefix = normaliseText(f.customerAccount);
    const first = row.accountKeys.find((k) => k.startsWith(prefix));
    if (first === undefined) return false;
    if (row.facet === 'account' && row.facetValue !== first) return false;
  }
  return true;
}

/** Billing facts of a customer (operator-recorded standing) and its budget, judged after the page is read. */
export interface BillingView {
  monthToDateExpenditure?: number;
  resourcesExpireAt?: string;
  monthlyBudget?: number;
}

/** Budget usage in percent (expenditure / monthly budget), rounded to 2 decimals; none without both. */
export function budgetUsage(v: BillingView): number | undefined {
  if (v.monthToDateExpenditure === undefined || v.monthlyBudget === undefined || v.monthlyBudget <= 0) return undefined;
  return Math.round((v.monthToDateExpenditure / v.monthlyBudget) * 10000) / 100;
}

export const hasPostFilters = (f: CustomerFilters): boolean =>
  [f.expenditureMin, f.expenditureMax, f.resourcesExpireAfter, f.resourcesExpireBefore, f.budgetUsageMin, f.budgetUsageMax].some(
    (v) => v !== undefined,
  );

/** The filters on billing facts: a customer without the fact does not match a filter on it. */
export function postMatches(v: BillingView, f: CustomerFilters): boolean {
  const spent = v.monthToDateExpenditure;
  if (f.expenditureMin !== undefined && (spent === undefined || spent < f.expenditureMin)) return false;
  if (f.expenditureMax !== undefined && (spent === undefined || spent > f.expenditureMax)) return false;
  const expires = v.resourcesExpireAt;
  if (f.resourcesExpireAfter !== undefined && (expires === undefined || expires < f.resourcesExpireAfter)) return false;
  if (f.resourcesExpireBefore !== undefined && (expires === undefined || expires > f.resourcesExpireBefore)) return false;
  const usage = budgetUsage(v);
  if (f.budgetUsageMin !== undefined && (usage === undefined || usage < f.budgetUsageMin)) return false;
  if (f.budgetUsageMax !== undefined && (usage === undefined || usage > f.budgetUsageMax)) return false;
  return true;
}
