import { describe, expect, it } from 'vitest';
import { config } from '../../../lib/core/config.js';
import { allDueShards, dueAttributes, dueShard, keys } from '../../../lib/core/store/keys.js';

describe('key builders', () => {
  it('a due item lands in one of the configured shards, stable per owner', () => {
    const shard = dueShard('acc-1');
    expect(allDueShards()).toContain(shard);
    expect(dueShard('acc-1')).toBe(shard);
    expect(allDueShards()).toHaveLength(config.scheduler.dueShards);
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
});
