import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { setClockOffset } from '../../../lib/core/clock.js';
import { type PurgedItem, lifecycleHooks, registerLifecycle, unregisterLifecycle } from '../../../lib/core/lifecycle.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { closedAccount, disable } from '../../support/closure.js';
import { PASSWORD, login } from '../../support/identity.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const relogin = async (a: { email: string }) => (await login(a.email, PASSWORD, 'email', a.email)).body.token as string;

/** A test area: on disable it writes a marker item (committed with the disable); on purge it records what it saw. */
const asked: Array<{ accountId: string; status: unknown }> = [];
const purged: Array<{ accountId: string; items: PurgedItem[] }> = [];
const marker = (accountId: string) => ({ pk: `TEST#LIFECYCLE#${accountId}`, sk: 'RELEASED' });

/** The areas lib/app/lifecycle.ts registers (loaded here through runScheduler). */
const COMPOSITION_ROOT_AREAS = ['accounts', 'closure', 'enterprise', 'materials', 'realname'];

// The test area is registered for each test of this block only and unregistered after it, so it never stands in
// for the composition root's hooks (nor keeps the "no hooks registered" guard quiet) in any other test.
const withTestArea = () => {
  beforeEach(() => {
    asked.length = 0;
    purged.length = 0;
    registerLifecycle({
      area: 'test-area',
      onDisable: (account) => {
        asked.push({ accountId: account.accountId, status: account.status });
        return [{ Put: { TableName: TABLE(), Item: { ...marker(account.accountId), at: 'disable' } } }];
      },
      onPurge: async (accountId, items) => {
        purged.push({ accountId, items });
      },
    });
  });
  afterEach(() => {
    unregisterLifecycle('test-area');
    setClockOffset(0);
  });
};

const disablers = [
  {
    by: 'the customer',
    run: async (account: Awaited<ReturnType<typeof closedAccount>>) => {
      setClockOffset(25 * HOUR);
      expect((await disable({ ...account, token: await relogin(account) })).status).toBe(200);
    },
  },
  {
    by: 'the 90-day timer',
    run: async () => {
      setClockOffset(91 * DAY);
      await runScheduler();
    },
  },
];

describe('disabling asks every registered lifecycle hook (issue 10: no hard-coded claim list)', () => {
  withTestArea();
  it.each(disablers)(
    'issue 10 R-CL-08 R-CL-11: disabling by $by asks a registered area what to release (in the same transaction) and to purge',
    async ({ run }) => {
      const account = await closedAccount();
      await run(account);
      // The test area is asked besides the composition root's areas, never instead of them.
      expect(
        lifecycleHooks()
          .map((h) => h.area)
          .sort(),
      ).toEqual([...COMPOSITION_ROOT_AREAS, 'test-area'].sort());
      const mine = asked.filter((a) => a.accountId === account.accountId);
      expect(mine).toEqual([{ accountId: account.accountId, status: 'closed' }]);
      const { Item } = await db().send(new GetCommand({ TableName: TABLE(), Key: marker(account.accountId), ConsistentRead: true }));
      expect(Item).toMatchObject({ at: 'disable' });
      const account2 = await db().send(new GetCommand({ TableName: TABLE(), Key: keys.account(account.accountId), ConsistentRead: true }));
      expect(account2.Item!.status).toBe('disabled');
      const seen = purged.filter((p) => p.accountId === account.accountId).flatMap((p) => p.items.map((i) => i.sk));
      // The purge shows each area the items it deletes (e.g. the latest closure check), never the retained record.
      expect(seen).toContain(keys.latestClosureCheck(account.accountId).sk);
      expect(seen).not.toContain(keys.account(account.accountId).sk);
    },
  );
});

describe('the lifecycle registry outside the test area (issue 10)', () => {
  it("issue 10 R-CL-08: after a test that registered an area, only the composition root's areas are registered again", () => {
    expect(
      lifecycleHooks()
        .map((h) => h.area)
        .sort(),
    ).toEqual(COMPOSITION_ROOT_AREAS);
  });

  it('issue 10 R-CL-08 R-CL-13: with no hook registered, disabling and purging refuse to run (never disable half an account); unregistering the last hook restores that', async () => {
    vi.resetModules();
    const fresh = await import('../../../lib/core/lifecycle.js');
    expect(() => fresh.releasesOnDisable({ accountId: 'acc_none' })).toThrow(/No lifecycle hooks are registered/);
    await expect(fresh.beforePurge('acc_none', [])).rejects.toThrow(/No lifecycle hooks are registered/);
    fresh.registerLifecycle({ area: 'only', onDisable: () => [] });
    expect(fresh.releasesOnDisable({ accountId: 'acc_none' })).toEqual([]);
    fresh.unregisterLifecycle('only');
    expect(() => fresh.releasesOnDisable({ accountId: 'acc_none' })).toThrow(/No lifecycle hooks are registered/);
    vi.resetModules();
  });
});
