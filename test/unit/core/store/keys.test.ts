import { describe, expect, it } from 'vitest';
import { schedulerConfig } from '../../../../lib/core/config.js';
import { allDueShards, dueAttributes, dueShard } from '../../../../lib/core/store/keys.js';
import * as keys from '../../../../lib/core/store/key-builders.js';
import { patterns, query } from '../../../../lib/core/store/patterns.js';
import * as queries from '../../../../lib/core/store/queries.js';

/** Every builder the patterns declare, by name. */
const declared: Record<string, unknown> = Object.fromEntries(
  Object.values(patterns).flatMap((p) => ('keys' in p ? Object.entries(p.keys) : [])),
);

describe('key builders', () => {
  it('a due item lands in one of the configured shards, stable per owner', () => {
    const shard = dueShard('acc-1');
    expect(allDueShards()).toContain(shard);
    expect(dueShard('acc-1')).toBe(shard);
    expect(allDueShards()).toHaveLength(schedulerConfig.dueShards);
  });

  it('due sort keys order by due time first', () => {
    const a = dueAttributes('x', '2026-01-01T00:00:00.000Z', 'b');
    const b = dueAttributes('x', '2026-01-02T00:00:00.000Z', 'a');
    expect(a.dueSk < b.dueSk).toBe(true);
  });

  it('audit traces of one account share a partition and sort by time', () => {
    const t1 = keys.auditTrace('a', '2026-01-01T00:00:00.000Z', '1');
    const t2 = keys.auditTrace('a', '2026-01-02T00:00:00.000Z', '0');
    expect(t1.pk).toBe(t2.pk);
    expect(t1.sk < t2.sk).toBe(true);
  });

  // Issue 10 item (patterns.ts is the single source): every builder keeps its name, signature and keys.
  it.each([
    ['account', keys.account('a'), { pk: 'ACCOUNT#a', sk: 'PROFILE' }],
    ['claim', keys.claim('EMAIL', 'x@y'), { pk: 'CLAIM#EMAIL#x@y', sk: 'CLAIM' }],
    ['session', keys.session('h'), { pk: 'SESSION#h', sk: 'SESSION' }],
    ['device', keys.device('h'), { pk: 'DEVICE#h', sk: 'DEVICE' }],
    ['challenge', keys.challenge('c'), { pk: 'CHALLENGE#c', sk: 'CHALLENGE' }],
    ['rateWindow', keys.rateWindow('dest', 'h', 'SENDS'), { pk: 'RATE#dest#h', sk: 'SENDS' }],
    ['idempotency', keys.idempotency('s', 'k'), { pk: 'IDEMPOTENCY#s#k', sk: 'RECORD' }],
    ['auditPartition', keys.auditPartition('a'), 'ACCOUNT#a#AUDIT'],
    ['auditTrace', keys.auditTrace('a', 't', 'i'), { pk: 'ACCOUNT#a#AUDIT', sk: 't#i' }],
    ['timer', keys.timer('a', 'PURGE'), { pk: 'ACCOUNT#a', sk: 'TIMER#PURGE' }],
    ['currencyChange', keys.currencyChange('a', 't'), { pk: 'ACCOUNT#a', sk: 'CURRENCY#t' }],
    ['recipient', keys.recipient('a', 'r'), { pk: 'ACCOUNT#a', sk: 'RECIPIENT#r' }],
    ['material', keys.material('a', 'm'), { pk: 'ACCOUNT#a', sk: 'MATERIAL#m' }],
    ['standing', keys.standing('a'), { pk: 'ACCOUNT#a', sk: 'STANDING' }],
    ['latestClosureCheck', keys.latestClosureCheck('a'), { pk: 'ACCOUNT#a', sk: 'CLOSURE#LATEST_CHECK' }],
    ['outbox', keys.outbox('o'), { pk: 'OUTBOX#o', sk: 'OUTBOX' }],
    ['clock', keys.clock(), { pk: 'LOCAL#CLOCK', sk: 'CLOCK' }],
    ['localMessage', keys.localMessage('to', 't', 'i'), { pk: 'LOCAL#MSG#to', sk: 't#i' }],
    ['localMessagesPartition', keys.localMessagesPartition('to'), 'LOCAL#MSG#to'],
    ['localMessagesAll', keys.localMessagesAll, 'LOCAL#MSG'],
  ])('keys.%s builds the same key as before patterns.ts', (_name, built, expected) => {
    expect(built).toEqual(expected);
  });

  it('every key builder is declared by an access pattern in lib/core/store/patterns.ts (move appended ones there)', () => {
    const undeclared = Object.keys(keys).filter((k) => !(k in declared));
    expect(undeclared).toEqual([]);
  });

  it('key-builders.ts holds exactly the builders the patterns declare (the same functions)', () => {
    expect(Object.keys(keys).sort()).toEqual(Object.keys(declared).sort());
    // biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test walks every builder by name.
    for (const [name, builder] of Object.entries(declared)) expect(keys[name as keyof typeof keys], name).toBe(builder);
  });

  it('no two patterns declare a builder of the same name', () => {
    const names = Object.values(patterns).flatMap((p) => ('keys' in p ? Object.keys(p.keys) : []));
    expect(names.length).toBe(new Set(names).size);
  });

  it.each([
    [
      'recipients',
      query(queries.recipients, 'a'),
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': 'ACCOUNT#a', ':sk': 'RECIPIENT#' },
      },
    ],
    [
      'accountItems',
      query(queries.accountItems, 'a'),
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'ACCOUNT#a' } },
    ],
    [
      'due',
      query(queries.due, '0', 'T'),
      {
        IndexName: 'due',
        KeyConditionExpression: 'duePk = :pk AND dueSk <= :sk',
        ExpressionAttributeValues: { ':pk': 'DUE#0', ':sk': 'T' },
      },
    ],
    [
      'localMessagesAll',
      query(queries.localMessagesAll),
      { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'LOCAL#MSG' } },
    ],
  ])('the %s query pattern gives its key condition', (_name, built, expected) => {
    expect(built).toEqual(expected);
  });
});

describe('query patterns (issue 10)', () => {
  it('every query pattern uses the key condition and index declared for it in patternQueries, and only those are queries', async () => {
    const { patterns, patternQueries } = await import('../../../../lib/core/store/patterns.js');
    // queries.ts exports each pattern's spec `{ index, condition }` and its condition alone (`<name>Condition`).
    const specs = Object.fromEntries(Object.entries(patternQueries).filter(([name]) => !name.endsWith('Condition'))) as Record<
      string,
      { index: string; condition: unknown }
    >;
    const queryNames = Object.entries(patterns)
      .filter(([, p]) => 'query' in p && p.query)
      .map(([name]) => name);
    expect(queryNames.sort()).toEqual(Object.keys(specs).sort());
    for (const name of queryNames) {
      const p = patterns[name as keyof typeof patterns] as { index: string; query: unknown };
      const q = specs[name]!;
      expect([name, p.query, p.index]).toEqual([name, q.condition, q.index]);
      expect(q.condition).toBe((patternQueries as Record<string, unknown>)[`${name}Condition`]);
    }
  });
});
