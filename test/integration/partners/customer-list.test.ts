/**
 * The partner's customer list (R-PD-10) and association records (R-PD-07) on DynamoDB Local, over the handlers:
 * every seed-002 filter alone and combined (one table), masked contact fields revealed one at a time and logged,
 * an account manager's scope and another partner's 404s (BOLA), records on both sides, pages that end and never repeat.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler as changeTypeHandler } from '../../../functions/accounts/changeAccountType.js';
import { handler as assignHandler } from '../../../functions/partners/assignAccountManager.js';
import { handler as associateHandler } from '../../../functions/partners/associatePartner.js';
import { handler as standingHandler } from '../../../functions/closure/putStanding.js';
import { handler as recordsHandler } from '../../../functions/partners/listAssociationRecords.js';
import { handler as myRecordsHandler } from '../../../functions/partners/listMyPartnerRecords.js';
import { handler as listHandler } from '../../../functions/partners/listPartnerCustomers.js';
import { handler as revealHandler } from '../../../functions/partners/revealPartnerCustomerContact.js';
import { handler as tagsHandler } from '../../../functions/partners/setPartnerCustomerTags.js';
import { findAccount } from '../../../lib/accounts/store.js';
import { logWrites, pairViews } from '../../../lib/core/association-log/log.js';
import { partnersConfig } from '../../../lib/core/config.js';
import { newId } from '../../../lib/core/crypto.js';
import { transact } from '../../../lib/core/store/writes.js';
import { maskName } from '../../../lib/core/contact/mask.js';
import { customerNameOf } from '../../../lib/partners/accounts.js';
import { contactOf, indexExtrasOf } from '../../../lib/partners/customer-contact.js';
import type { Association, PartnerModel } from '../../../lib/partners/model.js';
import { associationCreateWrites, staffWrites } from '../../../lib/partners/store.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { bearer, setSecurityPhone, uniqueMobile } from '../../support/identity.js';
import { partnerRequest } from '../../support/disassociation.js';
import {
  type TestAccount,
  type TestPartner,
  associatedCustomer,
  enrolledPartner,
  partnerInvitation,
  tracesOf,
} from '../../support/partners.js';

const ops = { 'x-operator-key': 'test-operator-key' };

interface Spec {
  model: PartnerModel;
  associatedAt: string;
  name: { accountType: 'individual' | 'enterprise'; name: string };
  frozen?: boolean;
  budget?: number;
  managerId?: string;
  mobile?: boolean;
  standing?: { monthToDateExpenditure?: number; resourcesExpireAt?: string };
}

/**
 * A customer associated with the partner as the association use case commits it: association, pointer, facts, the
 * customer-list index rows (from the account's names and mobile) and the log entry, in one transaction.
 */
async function listedCustomer(partner: TestPartner, spec: Spec) {
  const customer = await activeAccount();
  const mobile = spec.mobile ? await setSecurityPhone(customer.token, uniqueMobile()) : undefined;
  const named = await invoke(changeTypeHandler, {
    method: 'PUT',
    path: '/v1/account/type',
    headers: bearer(customer.token),
    body: spec.name,
  });
  expect(named.status, JSON.stringify(named.body)).toBe(200);
  const account = (await findAccount(customer.accountId))!;
  const association: Association = {
    partnerId: partner.partnerId,
    customerId: customer.accountId,
    model: spec.model,
    associatedAt: spec.associatedAt,
    invitationId: newId('pi_'),
    frozen: spec.frozen ?? false,
    authorized: false,
    customerName: customerNameOf(account),
    ...(spec.budget
      ? { budget: { monthlyBudget: spec.budget, currency: 'USD', setAt: spec.associatedAt, setBy: partner.admin.accountId } }
      : {}),
    ...(spec.managerId ? { accountManagerId: spec.managerId } : {}),
    indexExtras: indexExtrasOf(account),
    version: 1,
  };
  await transact([
    ...associationCreateWrites(association),
    ...logWrites(
      {
        area: 'partner',
        event: 'associated',
        actor: { kind: 'account', id: customer.accountId },
        partnerId: partner.partnerId,
        customerId: customer.accountId,
        customerName: association.customerName,
        model: spec.model,
        time: spec.associatedAt,
      },
      pairViews(partner.partnerId, customer.accountId),
    ),
  ]);
  if (spec.standing) {
    const res = await invoke(standingHandler, {
      method: 'PUT',
      path: `/v1/ops/accounts/${customer.accountId}/standing`,
      pathParameters: { accountId: customer.accountId },
      headers: ops,
      body: spec.standing,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  return { ...customer, mobile, account };
}

const list = (token: string, query: Record<string, string> = {}) =>
  invoke(listHandler, { method: 'GET', path: '/v1/partner-center/customers', headers: bearer(token), query });
const reveal = (token: string, customerId: string, field: string) =>
  invoke(revealHandler, {
    method: 'GET',
    path: `/v1/partner-center/customers/${customerId}/contact/${field}`,
    pathParameters: { customerId, field },
    headers: bearer(token),
  });
const setTags = (token: string, customerId: string, tags: string[]) =>
  invoke(tagsHandler, {
    method: 'PUT',
    path: `/v1/partner-center/customers/${customerId}/tags`,
    pathParameters: { customerId },
    headers: bearer(token),
    body: { tags },
  });
const records = (token: string, query: Record<string, string> = {}) =>
  invoke(recordsHandler, { method: 'GET', path: '/v1/partner-center/association-records', headers: bearer(token), query });
const myRecords = (token: string, query: Record<string, string> = {}) =>
  invoke(myRecordsHandler, { method: 'GET', path: '/v1/partner/records', headers: bearer(token), query });

/** Every page of a list, following cursors; fails on a repeated item or more pages than items. */
async function allPages(
  ask: (query: Record<string, string>) => ReturnType<typeof list>,
  query: Record<string, string>,
  key: (i: any) => string,
) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; ; pages += 1) {
    expect(pages, 'pagination terminates').toBeLessThan(50);
    const res = await ask({ ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as { items: any[]; nextCursor?: string };
    expect(body.items.length).toBeLessThanOrEqual(Number(query.limit ?? 100));
    for (const item of body.items) {
      expect(seen, 'no item is listed twice').not.toContain(key(item));
      seen.push(key(item));
    }
    cursor = body.nextCursor;
    if (!cursor) return seen;
  }
}

let partner: TestPartner;
let other: TestPartner;
let manager: TestAccount;
let stranger: TestAccount;
let c1: Awaited<ReturnType<typeof listedCustomer>>;
let c2: typeof c1;
let c3: typeof c1;
let c4: typeof c1;
let names: Record<string, string>;

beforeAll(async () => {
  [partner, other, manager, stranger] = await Promise.all([enrolledPartner(), enrolledPartner(), activeAccount(), activeAccount()]);
  await transact(staffWrites(partner.partnerId, manager.accountId, 'account-manager', '2026-01-01T00:00:00.000Z'));
  [c1, c2, c3, c4] = await Promise.all([
    listedCustomer(partner, {
      model: 'reseller',
      associatedAt: '2026-01-01T00:00:00.000Z',
      name: { accountType: 'enterprise', name: 'Alpha Trading' },
      frozen: true,
      managerId: manager.accountId,
      mobile: true,
      standing: { monthToDateExpenditure: 50, resourcesExpireAt: '2026-12-31' },
    }),
    listedCustomer(partner, {
      model: 'reseller',
      associatedAt: '2026-02-01T00:00:00.000Z',
      name: { accountType: 'individual', name: 'Beta Works' },
      budget: 200,
      managerId: manager.accountId,
      standing: { monthToDateExpenditure: 150, resourcesExpireAt: '2027-03-01' },
    }),
    listedCustomer(partner, {
      model: 'referral',
      associatedAt: '2026-03-01T00:00:00.000Z',
      name: { accountType: 'enterprise', name: 'alpine foods' },
      standing: { monthToDateExpenditure: 10 },
    }),
    listedCustomer(partner, {
      model: 'referral',
      associatedAt: '2026-04-01T00:00:00.000Z',
      name: { accountType: 'individual', name: 'Gamma' },
      mobile: true,
    }),
  ]);
  names = { [c1.accountId]: 'c1', [c2.accountId]: 'c2', [c3.accountId]: 'c3', [c4.accountId]: 'c4' };
  // Tags through the route: the index rows change in the same transaction as the association.
  for (const [c, tags] of [
    [c1, ['vip']],
    [c2, ['gold']],
    [c4, ['gold', 'vip']],
  ] as const) {
    const res = await setTags(partner.admin.token, c.accountId, [...tags]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}, 120_000);

const budgetBefore = partnersConfig.customerListReadBudget;
afterEach(() => {
  (partnersConfig as { customerListReadBudget: number }).customerListReadBudget = budgetBefore;
});

const shown = (body: unknown) => (body as { items: Array<{ customerId: string }> }).items.map((i) => names[i.customerId] ?? i.customerId);

describe('the partner customer list (R-PD-10)', () => {
  // Each seed-002 filter alone, then combinations; newest association first (prefix filters: by name).
  const cases: Array<{ name: string; query: () => Record<string, string>; expected: string[] }> = [
    { name: 'no filter: every customer, newest association first', query: () => ({}), expected: ['c4', 'c3', 'c2', 'c1'] },
    { name: 'automatically frozen', query: () => ({ frozen: 'true' }), expected: ['c1'] },
    { name: 'not frozen', query: () => ({ frozen: 'false' }), expected: ['c4', 'c3', 'c2'] },
    { name: 'association type', query: () => ({ model: 'referral' }), expected: ['c4', 'c3'] },
    {
      name: 'association time from/to (inclusive)',
      query: () => ({ associatedFrom: '2026-02-01T00:00:00Z', associatedTo: '2026-03-01T00:00:00.000Z' }),
      expected: ['c3', 'c2'],
    },
    { name: 'customer name prefix, case-insensitive', query: () => ({ customerName: 'ALP' }), expected: ['c1', 'c3'] },
    {
      name: 'customer account: tenant name prefix',
      query: () => ({ customerAccount: c2.account.tenantName.toUpperCase() }),
      expected: ['c2'],
    },
    {
      name: 'customer account: the never-shown login ID is not searchable (R-PD-10 review finding 1)',
      query: () => ({ customerAccount: c3.account.loginId }),
      expected: [],
    },
    { name: 'customer ID (exact)', query: () => ({ customerId: c3.accountId }), expected: ['c3'] },
    { name: 'account manager', query: () => ({ accountManagerId: manager.accountId }), expected: ['c2', 'c1'] },
    { name: 'month-to-date expenditure min', query: () => ({ expenditureMin: '100' }), expected: ['c2'] },
    { name: 'month-to-date expenditure max', query: () => ({ expenditureMax: '20' }), expected: ['c3'] },
    { name: 'resources expire before', query: () => ({ resourcesExpireBefore: '2027-01-01' }), expected: ['c1'] },
    { name: 'resources expire after', query: () => ({ resourcesExpireAfter: '2027-01-01' }), expected: ['c2'] },
    { name: 'mobile number (exact, E.164)', query: () => ({ mobile: c1.mobile! }), expected: ['c1'] },
    { name: 'budget usage min (percent)', query: () => ({ budgetUsageMin: '50' }), expected: ['c2'] },
    { name: 'budget usage max (percent)', query: () => ({ budgetUsageMax: '50' }), expected: [] },
    { name: 'customer tag', query: () => ({ tag: 'vip' }), expected: ['c4', 'c1'] },
    {
      name: 'combination: not frozen + tag + expenditure',
      query: () => ({ frozen: 'false', tag: 'gold', expenditureMin: '100' }),
      expected: ['c2'],
    },
    {
      name: 'combination: model + name + manager + time',
      query: () => ({
        model: 'reseller',
        customerName: 'alp',
        accountManagerId: manager.accountId,
        associatedTo: '2026-01-31T00:00:00.000Z',
      }),
      expected: ['c1'],
    },
    { name: 'combination with no match', query: () => ({ tag: 'vip', model: 'reseller', frozen: 'false' }), expected: [] },
  ];

  it.each(cases)('R-PD-10: filter — $name', async ({ query, expected }) => {
    const res = await list(partner.admin.token, query());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(shown(res.body)).toEqual(expected);
  });

  it('R-PD-10: the operator standing records the billing figures the list shows; bad ones are one 400', async () => {
    const put = (body: Record<string, unknown>) =>
      invoke(standingHandler, {
        method: 'PUT',
        path: `/v1/ops/accounts/${c4.accountId}/standing`,
        pathParameters: { accountId: c4.accountId },
        headers: ops,
        body,
      });
    const bad = await put({ monthToDateExpenditure: -1, resourcesExpireAt: '31.12.2026' });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort()).toEqual([
      'body.monthToDateExpenditure',
      'body.resourcesExpireAt',
    ]);
    expect((await put({ monthToDateExpenditure: 0, resourcesExpireAt: '2030-01-01' })).status).toBe(200);
    const [item] = (await list(partner.admin.token, { customerId: c4.accountId })).body.items;
    expect(item).toMatchObject({ monthToDateExpenditure: 0, resourcesExpireAt: '2030-01-01' });
    expect((await put({})).status).toBe(200);
  });

  it('R-PD-10: bad filters are one 400 listing every bad field', async () => {
    const res = await list(partner.admin.token, { frozen: 'maybe', mobile: '0151', budgetUsageMin: 'x', associatedFrom: 'yesterday' });
    expect(res.status).toBe(400);
    const paths = (res.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['query.associatedFrom', 'query.budgetUsageMin', 'query.frozen', 'query.mobile']);
  });

  it('R-PD-10: contact fields are masked in the list and revealed one at a time, each reveal logged', async () => {
    const res = await list(partner.admin.token, { customerId: c1.accountId });
    const [item] = (res.body as { items: Array<Record<string, string>> }).items;
    const real = contactOf(c1.account);
    expect(item).toMatchObject({ customerId: c1.accountId, model: 'reseller', frozen: true, tags: ['vip'], monthToDateExpenditure: 50 });
    for (const [field, listed] of [
      ['name', 'customerName'],
      ['accountName', 'accountName'],
      ['email', 'email'],
      ['mobile', 'mobile'],
    ] as const) {
      expect(item?.[listed]).toContain('*');
      expect(item?.[listed]).not.toBe(real[field]);
    }
    expect(JSON.stringify(res.body)).not.toContain(c1.mobile);
    expect(JSON.stringify(res.body)).not.toContain(c1.email);

    for (const field of ['name', 'email', 'mobile', 'accountName'] as const) {
      const shownOne = await reveal(partner.admin.token, c1.accountId, field);
      expect(shownOne.status).toBe(200);
      expect(shownOne.body).toEqual({ field, value: real[field] });
    }
    expect(real).toMatchObject({ name: 'Alpha Trading', email: c1.email, mobile: c1.mobile });
    const logged = await records(partner.admin.token, { customerId: c1.accountId, event: 'contact-revealed' });
    const revealed = (logged.body as { items: Array<{ actor: { id: string }; details: { field: string } }> }).items;
    expect(revealed.map((r) => r.details.field).sort()).toEqual(['accountName', 'email', 'mobile', 'name']);
    expect(revealed.every((r) => r.actor.id === `${partner.partnerId}:${partner.admin.accountId}`)).toBe(true);
    const unknownField = await reveal(partner.admin.token, c1.accountId, 'password');
    expect(unknownField.status).toBe(400);
  });

  it('R-PD-10, R-PD-04: an account manager sees only its assigned customers; another partner sees nothing of them (404)', async () => {
    const mine = await list(manager.token);
    expect(shown(mine.body)).toEqual(['c2', 'c1']);
    expect(shown((await list(manager.token, { model: 'referral' })).body)).toEqual([]);
    expect(shown((await list(manager.token, { customerId: c3.accountId })).body)).toEqual([]);
    expect((await reveal(manager.token, c3.accountId, 'email')).status).toBe(404);
    expect((await setTags(manager.token, c3.accountId, ['x'])).status).toBe(404);
    expect((await reveal(manager.token, c2.accountId, 'email')).status).toBe(200);

    expect(shown((await list(other.admin.token)).body)).toEqual([]);
    expect(shown((await list(other.admin.token, { customerId: c1.accountId })).body)).toEqual([]);
    const notFound = await reveal(other.admin.token, c1.accountId, 'mobile');
    expect(notFound.status).toBe(404);
    expect(JSON.stringify(notFound.body)).not.toContain(c1.mobile);
    expect((await setTags(other.admin.token, c1.accountId, ['stolen'])).status).toBe(404);
    expect((await records(other.admin.token, { customerId: c1.accountId })).body).toEqual({ items: [] });

    expect((await list(stranger.token)).status).toBe(403);
    expect((await records(stranger.token)).status).toBe(403);
  });

  it("R-PD-10, R-PD-04: assigning an account manager moves the customer into that manager's list (index rows in the same transaction)", async () => {
    const second = await activeAccount();
    await transact(staffWrites(partner.partnerId, second.accountId, 'account-manager', '2026-01-01T00:00:00.000Z'));
    expect(shown((await list(second.token)).body)).toEqual([]);
    const assigned = await invoke(assignHandler, {
      method: 'PUT',
      path: `/v1/partner-center/customers/${c4.accountId}/account-manager`,
      pathParameters: { customerId: c4.accountId },
      headers: bearer(partner.admin.token),
      body: { accountId: second.accountId },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(shown((await list(second.token)).body)).toEqual(['c4']);
    expect(shown((await list(partner.admin.token, { accountManagerId: second.accountId, tag: 'vip' })).body)).toEqual(['c4']);
    expect(shown((await list(manager.token)).body)).toEqual(['c2', 'c1']);
  });

  it("R-PD-10: an association by invitation (associatePartner) writes the customer's index rows in its own transaction", async () => {
    const fresh = await enrolledPartner();
    const { customer } = await associatedCustomer(fresh, { model: 'referral' });
    const account = (await findAccount(customer.accountId))!;
    for (const query of <Array<Record<string, string>>>[
      {},
      { model: 'referral' },
      { frozen: 'false' },
      { customerAccount: account.tenantName.slice(0, 5) },
      { customerName: account.tenantName.slice(0, 5) },
    ]) {
      const res = await list(fresh.admin.token, query);
      expect(
        (res.body as { items: Array<{ customerId: string }> }).items.map((i) => i.customerId),
        JSON.stringify(query),
      ).toEqual([customer.accountId]);
    }
    expect(shown((await list(fresh.admin.token, { frozen: 'true' })).body)).toEqual([]);
  });

  it('R-PD-10: the mobile and name rows hold the values of the last association change; saving tags brings them up to date', async () => {
    const mobile = await setSecurityPhone(c3.token, uniqueMobile());
    // Shown now (read from the account at list time), but not yet searchable by the new number.
    const [item] = (await list(partner.admin.token, { customerId: c3.accountId })).body.items;
    expect(item.mobile).toMatch(/^\+49\*+\d{4}$/);
    expect(shown((await list(partner.admin.token, { mobile })).body)).toEqual([]);
    expect((await setTags(partner.admin.token, c3.accountId, [])).status).toBe(200);
    expect(shown((await list(partner.admin.token, { mobile })).body)).toEqual(['c3']);
  });

  it('R-PD-10: a tag change moves the customer between tag searches in the same transaction', async () => {
    expect((await setTags(partner.admin.token, c3.accountId, ['new', 'new', 'trial'])).body).toEqual({ tags: ['new', 'trial'] });
    expect(shown((await list(partner.admin.token, { tag: 'trial' })).body)).toEqual(['c3']);
    await setTags(partner.admin.token, c3.accountId, []);
    expect(shown((await list(partner.admin.token, { tag: 'trial' })).body)).toEqual([]);
    const tooMany = await setTags(
      partner.admin.token,
      c3.accountId,
      Array.from({ length: 11 }, (_, i) => `t${i}`),
    );
    expect(tooMany.status).toBe(400);
  });

  it.each<{ name: string; query: Record<string, string>; expected: string[] }>([
    { name: 'every customer', query: {}, expected: ['c4', 'c3', 'c2', 'c1'] },
    { name: 'a row filter', query: { tag: 'vip' }, expected: ['c4', 'c1'] },
    { name: 'a billing post-filter', query: { expenditureMin: '1' }, expected: ['c3', 'c2', 'c1'] },
    { name: 'a prefix', query: { customerName: 'alp' }, expected: ['c1', 'c3'] },
  ])('R-PD-10: pages of one item over $name terminate and never repeat', async ({ query, expected }) => {
    const seen = await allPages(
      (q) => list(partner.admin.token, q),
      { ...query, limit: '1' },
      (i) => names[i.customerId] ?? i.customerId,
    );
    expect(seen).toEqual(expected);
  });

  it('R-PD-10: a request reads a bounded number of index rows: a page may hold fewer items than the limit and still go on', async () => {
    (partnersConfig as { customerListReadBudget: number }).customerListReadBudget = 2;
    const first = await list(partner.admin.token, { tag: 'gold', frozen: 'true', limit: '10' });
    expect(first.body).toMatchObject({ items: [] });
    expect((first.body as { nextCursor?: string }).nextCursor).toBeDefined();
    const seen = await allPages(
      (q) => list(partner.admin.token, q),
      { model: 'referral', limit: '10' },
      (i) => names[i.customerId] ?? i.customerId,
    );
    expect(seen).toEqual(['c4', 'c3']);
  });

  it('R-PD-10: a cursor is bound to its filters', async () => {
    const first = await list(partner.admin.token, { limit: '1' });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    expect((await list(partner.admin.token, { limit: '1', model: 'referral', cursor })).status).toBe(400);
  });
});

describe('association records (R-PD-07)', () => {
  const events = (body: unknown) => (body as { items: Array<{ event: string; customerId: string }> }).items;

  it('R-PD-07: the partner searches its records by type, time, customer ID, customer name and event', async () => {
    const byEvent = events((await records(partner.admin.token, { event: 'associated' })).body);
    expect(byEvent.map((e) => names[e.customerId])).toEqual(['c4', 'c3', 'c2', 'c1']);
    expect(
      events((await records(partner.admin.token, { event: 'associated', model: 'referral' })).body).map((e) => names[e.customerId]),
    ).toEqual(['c4', 'c3']);
    expect(
      events(
        (await records(partner.admin.token, { event: 'associated', from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })).body,
      ).map((e) => names[e.customerId]),
    ).toEqual(['c3', 'c2']);
    expect(events((await records(partner.admin.token, { customerName: 'ALPINE' })).body).map((e) => names[e.customerId])).toEqual(['c3']);
    const one = (await records(partner.admin.token, { customerId: c2.accountId, event: 'associated' })).body as {
      items: Array<Record<string, unknown>>;
    };
    expect(one.items).toEqual([
      {
        event: 'associated',
        time: '2026-02-01T00:00:00.000Z',
        actor: { kind: 'account', id: c2.accountId },
        partnerId: partner.partnerId,
        customerId: c2.accountId,
        customerName: 'B********',
        model: 'reseller',
      },
    ]);
  });

  it('R-PD-07: an account manager reads only the records of its assigned customers', async () => {
    const seen = new Set(events((await records(manager.token, { event: 'associated' })).body).map((e) => names[e.customerId]));
    expect([...seen].sort()).toEqual(['c1', 'c2']);
    expect((await records(manager.token, { customerId: c4.accountId })).status).toBe(404);
  });

  it('R-PD-07: the customer reads its own records (and nobody else’s), newest first, page by page', async () => {
    await reveal(partner.admin.token, c4.accountId, 'email');
    await reveal(partner.admin.token, c4.accountId, 'name');
    const own = await allPages(
      (q) => myRecords(c4.token, q),
      { limit: '1' },
      (i) => `${i.event}:${i.time}:${JSON.stringify(i.details ?? {})}`,
    );
    expect(own.map((k) => k.split(':')[0])).toEqual(['contact-revealed', 'contact-revealed', 'associated']);
    const body = (await myRecords(c4.token)).body as { items: Array<{ customerId: string; partnerId: string }> };
    expect(body.items.every((i) => i.customerId === c4.accountId && i.partnerId === partner.partnerId)).toBe(true);
    expect((await myRecords(stranger.token)).body).toEqual({ items: [] });
  });

  it('R-PD-07: partner record pages terminate and never repeat', async () => {
    const seen = await allPages(
      (q) => records(partner.admin.token, q),
      { event: 'associated', limit: '2' },
      (i) => i.customerId,
    );
    expect(seen.map((c) => names[c])).toEqual(['c4', 'c3', 'c2', 'c1']);
  });
});

describe('security review findings on the customer list and records (issue 11 review 1)', () => {
  it('R-PD-10: the customer-account prefix never matches the login ID (not shown to the partner, not even revealable)', async () => {
    const fresh = await enrolledPartner();
    const { customer } = await associatedCustomer(fresh, { model: 'referral' });
    const account = (await findAccount(customer.accountId))!;
    const ids = async (query: Record<string, string>) =>
      ((await list(fresh.admin.token, query)).body as { items: Array<{ customerId: string }> }).items.map((i) => i.customerId);
    expect(await ids({ customerAccount: account.tenantName.slice(0, 3) })).toEqual([customer.accountId]);
    for (const prefix of [account.loginId, account.loginId.slice(0, 3), account.loginId.slice(0, 6)])
      expect(await ids({ customerAccount: prefix }), prefix).toEqual([]);
  });

  it.each<{ query: Record<string, string>; bad: string[] }>([
    { query: { customerName: 'a' }, bad: ['query.customerName'] },
    { query: { customerName: ' al ' }, bad: ['query.customerName'] },
    { query: { customerAccount: 'hw' }, bad: ['query.customerAccount'] },
    // Counted as compared: 3 UTF-16 units, 2 characters once normalised (review 3 finding 6).
    { query: { customerName: 'a\u0301b' }, bad: ['query.customerName'] },
    { query: { customerName: 'ab', customerAccount: 'u' }, bad: ['query.customerAccount', 'query.customerName'] },
  ])('R-PD-10: a name or account prefix shorter than 3 characters is one 400 naming the field — $query', async ({ query, bad }) => {
    const res = await list(partner.admin.token, query);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect((res.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort()).toEqual(bad);
  });

  it('R-PD-10: a records search by a customer-name prefix shorter than 3 characters is a 400 naming the field', async () => {
    const res = await records(partner.admin.token, { customerName: 'al' });
    expect(res.status).toBe(400);
    expect((res.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['query.customerName']);
  });

  it.each(['expenditureMin', 'expenditureMax', 'budgetUsageMin', 'budgetUsageMax'])(
    'bad input (BRIEF, R-PD-10): a blank number filter %s is a 400 naming it, never taken as 0',
    async (key) => {
      for (const blank of [' ', '', '  \t']) {
        const res = await list(partner.admin.token, { [key]: blank });
        expect(res.status, `${JSON.stringify(blank)}: ${JSON.stringify(res.body)}`).toBe(400);
        expect((res.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual([`query.${key}`]);
      }
      for (const bad of ['1e3', '0x10', '-1', '1.', 'Infinity'])
        expect((await list(partner.admin.token, { [key]: bad })).status, bad).toBe(400);
      expect((await list(partner.admin.token, { [key]: '12.5' })).status).toBe(200);
    },
  );

  it("R-PD-10, R-PD-07: the partner's association records show the customer name masked (the reveal is the logged way); the customer's own records show it", async () => {
    const fresh = await enrolledPartner();
    const { customer } = await associatedCustomer(fresh);
    const name = customerNameOf((await findAccount(customer.accountId))!);
    const partnerSide = (await records(fresh.admin.token)).body as { items: Array<{ customerName?: string }> };
    const named = partnerSide.items.filter((i) => i.customerName !== undefined);
    expect(named.length).toBeGreaterThan(0);
    for (const item of named) expect(item.customerName).toBe(maskName(name));
    expect(JSON.stringify(partnerSide)).not.toContain(name);
    const customerSide = (await myRecords(customer.token)).body as { items: Array<{ customerName?: string }> };
    expect(customerSide.items.map((i) => i.customerName)).toContain(name);
  });

  it('R-PA-06: assigning an account manager and revealing a contact field are written to the customer audit traces with the partner as actor, naming the field only', async () => {
    const fresh = await enrolledPartner();
    const { customer } = await associatedCustomer(fresh);
    const second = await activeAccount();
    await transact(staffWrites(fresh.partnerId, second.accountId, 'account-manager', '2026-01-01T00:00:00.000Z'));
    const assigned = await invoke(assignHandler, {
      method: 'PUT',
      path: `/v1/partner-center/customers/${customer.accountId}/account-manager`,
      pathParameters: { customerId: customer.accountId },
      headers: bearer(fresh.admin.token),
      body: { accountId: second.accountId },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const revealed = await reveal(second.token, customer.accountId, 'email');
    expect(revealed.status).toBe(200);
    const traces = await tracesOf(customer.accountId);
    const byName = (n: string) => traces.filter((t) => t.traceName === n);
    expect(byName('assignPartnerAccountManager')).toMatchObject([
      { actor: `partner:${fresh.partnerId}:${fresh.admin.accountId}`, result: 'success', changes: [{ field: 'accountManagerId' }] },
    ]);
    expect(byName('revealPartnerCustomerContact')).toMatchObject([
      { actor: `partner:${fresh.partnerId}:${second.accountId}`, result: 'success', changes: [{ field: 'email' }] },
    ]);
    // Which field only: no value (not even masked) is written.
    expect(byName('revealPartnerCustomerContact')[0]!.changes[0]).toEqual({ field: 'email' });
    expect(JSON.stringify(byName('revealPartnerCustomerContact'))).not.toContain(customer.email);
  });
});

describe('association records by customer account (R-PD-07, issue 11 review 2 item 3)', () => {
  it('R-PD-07: the partner searches its records by customer account — a prefix of the tenant name (≥ 3 characters, case-insensitive), never the login ID — over entries the use cases wrote', async () => {
    const partner = await enrolledPartner();
    // A customer with a real name, so its name and its account (tenant) name differ.
    const a = await activeAccount();
    const named = await invoke(changeTypeHandler, {
      method: 'PUT',
      path: '/v1/account/type',
      headers: bearer(a.token),
      body: { accountType: 'individual', name: 'Gamma Trading' },
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    const { token } = await partnerInvitation(partner);
    const associated = await invoke(associateHandler, {
      method: 'POST',
      path: '/v1/partner/association',
      headers: bearer(a.token),
      body: { invitationToken: token, acceptInstructions: true },
    });
    expect(associated.status, JSON.stringify(associated.body)).toBe(201);
    await associatedCustomer(partner);
    expect((await partnerRequest(partner.admin, a.accountId)).status).toBe(201);
    const account = (await findAccount(a.accountId))!;
    const all = ['disassociation-requested', 'frozen', 'associated'];
    const cases: Array<{ name: string; customerAccount: string; events: string[] }> = [
      { name: 'the tenant name in upper case', customerAccount: account.tenantName.toUpperCase(), events: all },
      { name: 'a prefix with spaces around', customerAccount: ` ${account.tenantName.slice(0, 12)} `, events: all },
      { name: 'the login ID (the partner never sees it)', customerAccount: account.loginId, events: [] },
      { name: 'the customer name (another filter)', customerAccount: 'Gamma', events: [] },
    ];
    for (const c of cases) {
      const res = await records(partner.admin.token, { customerAccount: c.customerAccount });
      expect(res.status, `${c.name}: ${JSON.stringify(res.body)}`).toBe(200);
      const items = (res.body as { items: Array<{ event: string; customerId: string }> }).items;
      expect(
        items.map((i) => i.event),
        c.name,
      ).toEqual(c.events);
      expect(
        items.every((i) => i.customerId === a.accountId),
        c.name,
      ).toBe(true);
      // The account name is a search key only: records do not show it (R-PD-10: revealed one field at a time).
      expect(JSON.stringify(items), c.name).not.toContain(account.tenantName);
    }
    const short = await records(partner.admin.token, { customerAccount: 'hw' });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.customerAccount']);
  });
});
