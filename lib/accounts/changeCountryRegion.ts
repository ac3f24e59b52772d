/** R-SU-05, R-AI-12: the country/region changes only until cloud services are enabled. */
import type { AccountCaller } from '../core/caller.js';
import { RuleViolation } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { staleAccount } from './account.js';
import { accountUpdate, loadAccount } from './store.js';

export async function changeCountryRegion(caller: AccountCaller, input: { countryRegion: string }) {
  const { countryRegion } = input;
  const account = await loadAccount(caller.accountId);
  if (account.status !== 'registered') {
    throw new RuleViolation('NOT_ALLOWED', 'The country/region cannot change after cloud services are enabled.', [
      { condition: 'services-enabled', message: 'The country/region is fixed once services are enabled.' },
    ]);
  }
  // The decision read only the status.
  await transact([accountUpdate(account, { countryRegion }, { expectStatus: ['registered'], read: [] })], staleAccount);
  return { countryRegion };
}
