/** Contract of the preferences store (lib/preferences/store.ts) on DynamoDB Local (R-PR-02, R-SEC-05). */
import { describe, expect, it } from 'vitest';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';
import { currencyChangePut, currencyHistory } from '../../lib/preferences/store.js';

const uid = () => Math.random().toString(36).slice(2, 12);

describe('preferences store', () => {
  it('R-PR-02: the currency history is oldest first', async () => {
    const a = `ac_${uid()}`;
    await transact([currencyChangePut(a, '2026-02-01T00:00:00.000Z', 'USD', 'EUR')]);
    await transact([currencyChangePut(a, '2026-01-01T00:00:00.000Z', 'EUR', undefined)]);
    expect(await currencyHistory(a)).toEqual([
      { currency: 'EUR', changedAt: '2026-01-01T00:00:00.000Z' },
      { currency: 'USD', changedAt: '2026-02-01T00:00:00.000Z' },
    ]);
  });

  it("R-SEC-05: another account's currency history is not found", async () => {
    const [a, b] = [`ac_${uid()}`, `ac_${uid()}`];
    await transact([currencyChangePut(a, '2026-01-01T00:00:00.000Z', 'EUR', undefined)]);
    expect(await currencyHistory(b)).toEqual([]);
  });

  it('R-PR-02: a change is recorded at most once per instant (tag `currency`)', async () => {
    const a = `ac_${uid()}`;
    const results = await Promise.all(
      ['EUR', 'USD'].map((c) =>
        transact([currencyChangePut(a, '2026-01-01T00:00:00.000Z', c, undefined)]).then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    const error = results.find((r) => r !== undefined);
    expect(error instanceof ConditionFailed && error.failed('currency')).toBe(true);
    expect(await currencyHistory(a)).toHaveLength(1);
  });
});
