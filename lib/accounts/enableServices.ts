/** Enabling cloud services (R-SU-05, R-AI-12): agreements accepted; country/region fixed from then on. */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { Conflict } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { staleAccount } from './account.js';
import { accountUpdate, loadAccount } from './store.js';

export async function enableServices(caller: AccountCaller, input: { countryRegion?: string }) {
  const account = await loadAccount(caller.accountId);
  if (account.status !== 'registered') {
    throw new Conflict('STATE_CONFLICT', 'Cloud services are already enabled for this account.');
  }
  const enabledAt = nowIso();
  await transact(
    [
      accountUpdate(
        account,
        {
          status: 'active',
          enabledAt,
          agreementsAcceptedAt: enabledAt,
          ...(input.countryRegion ? { countryRegion: input.countryRegion } : {}),
        },
        // The decision read the status; the trace records the country/region it replaces.
        { expectStatus: ['registered'], read: input.countryRegion ? ['countryRegion'] : [] },
      ),
      auditWrite({
        accountId: account.accountId,
        traceName: 'enableServices',
        request: caller.origin,
        result: 'success',
        changes: input.countryRegion ? [{ field: 'countryRegion', old: account.countryRegion, new: input.countryRegion }] : [],
      }),
    ],
    staleAccount,
  );
  return { status: 'active' as const, enabledAt };
}
