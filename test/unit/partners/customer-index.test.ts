import { describe, expect, it } from 'vitest';
import {
  type CustomerFilters,
  type IndexedAssociation,
  budgetUsage,
  chooseDriver,
  customerIndexRows,
  postMatches,
  rowMatches,
  rowsDiff,
} from '../../../lib/partners/customer-index.js';

const base: IndexedAssociation = {
  partnerId: 'pt_1',
  customerId: 'c1',
  model: 'reseller',
  associatedAt: '2026-11-01T00:00:00.000Z',
  frozen: true,
  accountManagerId: 'am1',
  tags: ['vip', 'gold'],
  customerName: '  Li  Lei ',
};
const extras = { mobileHash: 'h1', accountNames: ['HWC0001', 'u123', 'hwc0001'] };

describe('customer index rows (R-PD-10, issue 11 customer list)', () => {
  it('R-PD-10: one row per facet value, equality facets by association time, prefix facets by normalised value', () => {
    const rows = customerIndexRows(base, extras).map((r) => `${r.pk} | ${r.sk}`);
    expect(rows).toEqual([
      'PARTNER#pt_1#BY#all | 2026-11-01T00:00:00.000Z#c1',
      'PARTNER#pt_1#BY#frozen#true | 2026-11-01T00:00:00.000Z#c1',
      'PARTNER#pt_1#BY#model#reseller | 2026-11-01T00:00:00.000Z#c1',
      'PARTNER#pt_1#BY#manager#am1 | 2026-11-01T00:00:00.000Z#c1',
      'PARTNER#pt_1#BY#mobile#h1 | 2026-11-01T00:00:00.000Z#c1',
      'PARTNER#pt_1#BY#tag#gold | 2026-11-01T00:00:00.000Z#c1',
      'PARTNER#pt_1#BY#tag#vip | 2026-11-01T00:00:00.000Z#c1',
      'PARTNER#pt_1#BY#name | li lei#c1',
      'PARTNER#pt_1#BY#account | hwc0001#c1',
      'PARTNER#pt_1#BY#account | u123#c1',
    ]);
  });

  it('R-PD-10: the mobile number is indexed only by its keyed hash', () => {
    const json = JSON.stringify(customerIndexRows(base, { mobileHash: 'h1' }));
    expect(json).not.toMatch(/\+\d{6,}/);
    expect(customerIndexRows({ ...base, accountManagerId: undefined, tags: [] }, {}).map((r) => r.facet)).toEqual([
      'all',
      'frozen',
      'model',
      'name',
    ]);
  });

  const diffCases: Array<{ name: string; after: Partial<IndexedAssociation>; deleted: string[]; put: number }> = [
    { name: 'nothing changed: nothing written', after: {}, deleted: [], put: 0 },
    {
      name: 'unfrozen: the frozen row moves, every other row gets the new projection',
      after: { frozen: false },
      deleted: ['PARTNER#pt_1#BY#frozen#true'],
      put: 10,
    },
    { name: 'a tag removed: its row deleted', after: { tags: ['vip'] }, deleted: ['PARTNER#pt_1#BY#tag#gold'], put: 9 },
    {
      name: 'manager changed: the manager row moves',
      after: { accountManagerId: 'am2' },
      deleted: ['PARTNER#pt_1#BY#manager#am1'],
      put: 10,
    },
  ];
  it.each(diffCases)('R-PD-10: a change writes the difference — $name', ({ after, deleted, put }) => {
    const diff = rowsDiff(customerIndexRows(base, extras), customerIndexRows({ ...base, ...after }, extras));
    expect(diff.deletes.map((r) => r.pk)).toEqual(deleted);
    expect(diff.puts).toHaveLength(put);
  });

  it('R-PD-10: disassociation deletes every row', () => {
    const diff = rowsDiff(customerIndexRows(base, extras), []);
    expect(diff.deletes).toHaveLength(10);
    expect(diff.puts).toEqual([]);
  });
});

describe('choosing the partition a search reads (R-PD-10)', () => {
  const cases: Array<{ f: CustomerFilters; scope?: string; driver: string }> = [
    { f: {}, driver: 'equality:all:' },
    { f: { customerId: 'c9', mobileHash: 'h' }, driver: 'customer:c9' },
    { f: { mobileHash: 'h', tag: 't' }, driver: 'equality:mobile:h' },
    { f: { tag: 't', customerName: 'li' }, driver: 'equality:tag:t' },
    { f: { customerName: ' LI ', customerAccount: 'hwc' }, driver: 'prefix:name:li' },
    { f: { customerAccount: 'HWC', accountManagerId: 'am' }, driver: 'prefix:account:hwc' },
    { f: { accountManagerId: 'am', frozen: true }, driver: 'equality:manager:am' },
    { f: { frozen: true }, scope: 'me', driver: 'equality:manager:me' },
    { f: { frozen: true, model: 'referral' }, driver: 'equality:frozen:true' },
    { f: { frozen: false, model: 'referral' }, driver: 'equality:model:referral' },
    { f: { frozen: false }, driver: 'equality:frozen:false' },
    { f: { expenditureMin: 1 }, driver: 'equality:all:' },
  ];
  it.each(cases)('R-PD-10: $f (scope $scope) reads $driver', ({ f, scope, driver }) => {
    const d = chooseDriver(f, scope);
    const shown =
      d.kind === 'customer'
        ? `customer:${d.customerId}`
        : d.kind === 'equality'
          ? `equality:${d.facet}:${d.value}`
          : `prefix:${d.facet}:${d.prefix}`;
    expect(shown).toBe(driver);
  });

  it('R-PD-10: an association-time range goes into the key condition of an equality facet', () => {
    expect(chooseDriver({ associatedFrom: 'a', associatedTo: 'b', model: 'reseller' })).toEqual({
      kind: 'equality',
      facet: 'model',
      value: 'reseller',
      from: 'a',
      to: 'b',
    });
  });
});

describe('row filters (R-PD-10)', () => {
  const [all] = customerIndexRows(base, extras);
  const cases: Array<{ f: CustomerFilters; scope?: string; match: boolean }> = [
    { f: {}, match: true },
    { f: { frozen: true }, match: true },
    { f: { frozen: false }, match: false },
    { f: { model: 'reseller' }, match: true },
    { f: { model: 'referral' }, match: false },
    { f: { associatedFrom: '2026-11-01T00:00:00.000Z' }, match: true },
    { f: { associatedFrom: '2026-11-01T00:00:00.001Z' }, match: false },
    { f: { associatedTo: '2026-10-31T23:59:59.999Z' }, match: false },
    { f: { customerName: 'LI L' }, match: true },
    { f: { customerName: 'lei' }, match: false },
    { f: { customerAccount: 'U12' }, match: true },
    { f: { customerAccount: 'x' }, match: false },
    { f: { customerId: 'c1' }, match: true },
    { f: { customerId: 'c2' }, match: false },
    { f: { accountManagerId: 'am1' }, match: true },
    { f: { accountManagerId: 'am2' }, match: false },
    { f: { mobileHash: 'h1' }, match: true },
    { f: { mobileHash: 'h2' }, match: false },
    { f: { tag: 'vip' }, match: true },
    { f: { tag: 'VIP' }, match: false },
    { f: {}, scope: 'am1', match: true },
    { f: {}, scope: 'am2', match: false },
    { f: { frozen: true, model: 'reseller', tag: 'gold', customerName: 'li' }, match: true },
    { f: { frozen: true, model: 'reseller', tag: 'gold', customerName: 'wang' }, match: false },
  ];
  it.each(cases)('R-PD-10: $f (scope $scope) → $match', ({ f, scope, match }) => {
    expect(rowMatches(all as NonNullable<typeof all>, f, scope)).toBe(match);
  });

  it('R-PD-10: a customer whose tenant name and login ID both match an account prefix is listed once', () => {
    const rows = customerIndexRows({ ...base }, { accountNames: ['abc-tenant', 'abc-login'] }).filter((r) => r.facet === 'account');
    expect(rows.filter((r) => rowMatches(r, { customerAccount: 'abc' })).map((r) => r.facetValue)).toEqual(['abc-login']);
    expect(rows.filter((r) => rowMatches(r, { customerAccount: 'abc-t' })).map((r) => r.facetValue)).toEqual(['abc-tenant']);
  });
});

describe('billing post-filters (R-PD-10)', () => {
  const v = { monthToDateExpenditure: 50, monthlyBudget: 200, resourcesExpireAt: '2026-12-31' };
  const cases: Array<{ f: CustomerFilters; match: boolean; view?: typeof v | Record<string, never> }> = [
    { f: { expenditureMin: 50 }, match: true },
    { f: { expenditureMin: 50.01 }, match: false },
    { f: { expenditureMax: 49 }, match: false },
    { f: { resourcesExpireBefore: '2026-12-31' }, match: true },
    { f: { resourcesExpireBefore: '2026-12-30' }, match: false },
    { f: { resourcesExpireAfter: '2027-01-01' }, match: false },
    { f: { budgetUsageMin: 25 }, match: true },
    { f: { budgetUsageMin: 25.01 }, match: false },
    { f: { budgetUsageMax: 24 }, match: false },
    { f: { expenditureMin: 0 }, view: {}, match: false },
    { f: {}, view: {}, match: true },
  ];
  it.each(cases)('R-PD-10: $f → $match', ({ f, view, match }) => {
    expect(postMatches(view ?? v, f)).toBe(match);
  });

  it('R-PD-10: budget usage is expenditure / monthly budget in percent, none without a budget', () => {
    expect(budgetUsage({ monthToDateExpenditure: 1, monthlyBudget: 3 })).toBe(33.33);
    expect(budgetUsage({ monthToDateExpenditure: 1 })).toBeUndefined();
  });
});
