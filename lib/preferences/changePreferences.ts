/**
 * Preferences (R-PR-01, R-PR-02): message language, IANA time zone and transaction currency. Currency
 * changes are kept as history items (monthly bills use the last currency chosen in the cycle).
 */
import { staleAccount } from '../accounts/account.js';
import { EDITABLE } from '../core/account-status.js';
import { isTimeZone } from '../accounts/catalogues.js';
import { accountUpdate, loadAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { ValidationFailed } from '../core/errors.js';
import { type TransactItem, transact } from '../core/store/writes.js';
import { currencyChangePut } from './store.js';

export { currencyHistory } from './store.js';

export interface PreferenceInput {
  messageLanguage?: 'en' | 'zh';
  timeZone?: string;
  currency?: string;
}

export async function changePreferences(caller: AccountCaller, input: PreferenceInput) {
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw new ValidationFailed([{ path: 'body.timeZone', message: 'Use an IANA time zone, e.g. Europe/Berlin.' }]);
  }
  const account = await loadAccount(caller.accountId);
  const before = account.preferences;
  const preferences = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  const at = nowIso();
  const items: TransactItem[] = [
    // Issue 10: conditioned on the preferences it merged into (and the status), not on the whole account.
    accountUpdate(account, { preferences }, { expectStatus: EDITABLE, read: ['preferences'] }),
    auditWrite({
      accountId: account.accountId,
      traceName: 'changePreferences',
      request: caller.origin,
      result: 'success',
      changes: (Object.keys(input) as Array<keyof PreferenceInput>)
        .filter((k) => input[k] !== undefined && input[k] !== before[k])
        .map((k) => ({ field: k, old: before[k], new: input[k] })),
    }),
  ];
  if (input.currency && input.currency !== before.currency)
    items.push(currencyChangePut(account.accountId, at, input.currency, before.currency));
  await transact(items, staleAccount);
  return preferences;
}
