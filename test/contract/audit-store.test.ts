/** Contract of the audit area's reads (lib/audit/store.ts) on DynamoDB Local (R-AU-01, R-AU-02, R-SEC-05). */
import { afterEach, describe, expect, it } from 'vitest';
import { traceQueryPage } from '../../lib/audit/store.js';
import { audit } from '../../lib/core/audit/audit.js';
import { setClockOffset } from '../../lib/core/clock.js';

const uid = () => `ac_${Math.random().toString(36).slice(2, 12)}`;
const origin = { requestId: 'req-1', sourceIp: '203.0.113.9' };
const MIN = 60_000;

async function tracesAt(accountId: string, names: Array<'login' | 'logout' | 'changeNames'>) {
  // One minute apart, through the clock every trace time comes from.
  for (const [i, traceName] of names.entries()) {
    setClockOffset(i * MIN);
    await audit({ accountId, traceName, request: origin, result: 'success' });
  }
  setClockOffset(0);
}

describe('audit store', () => {
  afterEach(() => setClockOffset(0));

  it("R-SEC-05: another account's traces are not found", async () => {
    const [a, b] = [uid(), uid()];
    await tracesAt(a, ['login']);
    expect((await traceQueryPage(b, {}, 10, undefined)).items).toEqual([]);
    expect((await traceQueryPage(a, {}, 10, undefined)).items).toHaveLength(1);
  });

  it('R-AU-01: newest first, a trace name filters, pages continue where they stopped', async () => {
    const a = uid();
    await tracesAt(a, ['login', 'changeNames', 'logout']);
    const all = await traceQueryPage(a, {}, 10, undefined);
    expect(all.items.map((t) => t.traceName)).toEqual(['logout', 'changeNames', 'login']);
    expect((await traceQueryPage(a, { traceName: 'changeNames' }, 10, undefined)).items.map((t) => t.traceName)).toEqual(['changeNames']);
    const first = await traceQueryPage(a, {}, 2, undefined);
    expect(first.items).toHaveLength(2);
    const rest = await traceQueryPage(a, {}, 2, first.nextKey);
    expect(rest.items.map((t) => t.traceName)).toEqual(['login']);
  });

  it('R-AU-01: a time range includes traces at exactly its end', async () => {
    const a = uid();
    await tracesAt(a, ['login', 'logout']);
    const [newest, oldest] = (await traceQueryPage(a, {}, 10, undefined)).items;
    const onlyOldest = await traceQueryPage(a, { from: oldest!.time, to: oldest!.time }, 10, undefined);
    expect(onlyOldest.items.map((t) => t.traceName)).toEqual(['login']);
    expect((await traceQueryPage(a, { from: newest!.time }, 10, undefined)).items.map((t) => t.traceName)).toEqual(['logout']);
  });
});
