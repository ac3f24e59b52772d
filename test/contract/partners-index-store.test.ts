/**
 * Contract of the customer-list index writes and reads of lib/partners/store.ts on DynamoDB Local (issue 11,
 * R-PD-10): rows change only with the association (all or nothing), never outlive it, and pages are bounded.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { newId } from '../../lib/core/crypto.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../lib/core/store/table.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';
import { type Facet, customerIndexRows } from '../../lib/partners/customer-index.js';
import type { Association } from '../../lib/partners/model.js';
import {
  associationChangeWrites,
  associationCreateWrites,
  associationEndWrites,
  customerIndexPage,
  loadCustomerCards,
  loadPartnerCustomer,
} from '../../lib/partners/store.js';

const association = (partnerId: string, customerId: string, at: string, extra: Partial<Association> = {}): Association => ({
  partnerId,
  customerId,
  model: 'reseller',
  associatedAt: at,
  invitationId: newId('pi_'),
  frozen: true,
  authorized: false,
  customerName: `Customer ${customerId.slice(-4)}`,
  tags: ['vip'],
  indexExtras: { mobileHash: `h-${customerId}`, accountNames: [`hwc-${customerId}`, `u-${customerId}`] },
  version: 1,
  ...extra,
});

const associate = (a: Association) => transact(associationCreateWrites(a));

/** Every index row of a partner, read partition by partition (the facets a customer can have rows in). */
async function storedRows(a: Association): Promise<string[]> {
  const partitions = new Set(
    [
      ...customerIndexRows(a, a.indexExtras),
      ...customerIndexRows({ ...a, frozen: !a.frozen, tags: ['vip', 'gold', 'x', 'left', 'right'], accountManagerId: 'am' }, a.indexExtras),
    ].map((r) => r.pk),
  );
  const found: string[] = [];
  for (const pk of partitions) {
    const out = await db().send(
      new QueryCommand({
        TableName: TABLE(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
      }),
    );
    found.push(...(out.Items ?? []).filter((i) => i.customerId === a.customerId).map((i) => `${i.facet}:${i.facetValue}`));
  }
  return found.sort();
}

const facets = (a: Association) =>
  customerIndexRows(a, a.indexExtras)
    .map((r) => `${r.facet}:${r.facetValue}`)
    .sort();

describe('customer-list index store (R-PD-10, issue 11)', () => {
  it('R-PD-10: an association writes its rows; a change moves them; a stale change writes none; the end deletes them all', async () => {
    const a = association(newId('pt_'), newId('ac_'), '2026-01-01T00:00:00.000Z');
    await associate(a);
    expect(await storedRows(a)).toEqual(facets(a));

    const read = (await loadPartnerCustomer(a.partnerId, a.customerId))!;
    await transact(associationChangeWrites(read, { frozen: false, tags: ['gold'], accountManagerId: 'am' }));
    const changed = (await loadPartnerCustomer(a.partnerId, a.customerId))!;
    expect(await storedRows(a)).toEqual(facets(changed));
    expect(facets(changed)).toEqual(expect.arrayContaining(['frozen:false', 'tag:gold', 'manager:am']));

    // A change from the old version is refused whole: the rows stay those of the current association.
    await expect(transact(associationChangeWrites(read, { tags: ['x'] }))).rejects.toBeInstanceOf(ConditionFailed);
    expect(await storedRows(a)).toEqual(facets(changed));

    await transact(associationEndWrites(changed));
    expect(await storedRows(a)).toEqual([]);
  });

  it('R-PD-10: two racing changes from one version: one commits, and the rows are exactly the winner’s', async () => {
    const a = association(newId('pt_'), newId('ac_'), '2026-01-01T00:00:00.000Z');
    await associate(a);
    const read = (await loadPartnerCustomer(a.partnerId, a.customerId))!;
    const results = await Promise.allSettled([
      transact(associationChangeWrites(read, { tags: ['left'] })),
      transact(associationChangeWrites(read, { tags: ['right'], frozen: false })),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const now = (await loadPartnerCustomer(a.partnerId, a.customerId))!;
    expect(await storedRows(a)).toEqual(facets(now));
  });

  it('R-PD-10: a page keeps at most `limit` matches, reads at most `budget` rows, and its next key resumes without repeating', async () => {
    const p = newId('pt_');
    const customers = Array.from({ length: 5 }, (_, i) => association(p, newId('ac_'), `2026-01-0${i + 1}T00:00:00.000Z`));
    await Promise.all(customers.map(associate));
    const all = { kind: 'equality' as const, facet: 'all' as Facet & 'all', value: '' };
    const first = await customerIndexPage(p, all, { limit: 2, budget: 100, match: () => true });
    expect(first.rows.map((r) => r.associatedAt.slice(0, 10))).toEqual(['2026-01-05', '2026-01-04']);
    expect(first.read).toBe(2);
    const second = await customerIndexPage(p, all, { limit: 2, budget: 100, startKey: first.nextKey, match: () => true });
    expect(second.rows.map((r) => r.associatedAt.slice(0, 10))).toEqual(['2026-01-03', '2026-01-02']);
    const none = await customerIndexPage(p, all, { limit: 2, budget: 3, match: () => false });
    expect(none).toMatchObject({ rows: [], read: 3 });
    expect(none.nextKey).toBeDefined();
    const rest = await customerIndexPage(p, all, { limit: 10, budget: 100, startKey: none.nextKey, match: () => true });
    expect(rest.rows.map((r) => r.associatedAt.slice(0, 10))).toEqual(['2026-01-02', '2026-01-01']);
    expect(rest.nextKey).toBeUndefined();
  });

  it('R-PD-10: cards are read for this partner only (another partner’s customer is left out), in batches beyond 100 keys', async () => {
    const [p, q] = [newId('pt_'), newId('pt_')];
    const mine = association(p, newId('ac_'), '2026-01-01T00:00:00.000Z');
    const theirs = association(q, newId('ac_'), '2026-01-01T00:00:00.000Z');
    await Promise.all([associate(mine), associate(theirs)]);
    const ids = [mine.customerId, theirs.customerId, ...Array.from({ length: 40 }, () => newId('ac_'))];
    const cards = await loadCustomerCards(p, ids);
    expect([...cards.keys()]).toEqual([mine.customerId]);
    expect(cards.get(mine.customerId)?.association.partnerId).toBe(p);
    expect(keys.partnerCustomer(p, mine.customerId).pk).toContain(p);
  });
});
