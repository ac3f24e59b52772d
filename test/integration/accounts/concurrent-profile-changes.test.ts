/**
 * Issue 10: profile changes are conditioned on the attributes their decision read, not on one global
 * version, so two unrelated changes of one account made at the same time both succeed.
 */
import { describe, expect, it } from 'vitest';
import { handler as contactHandler } from '../../../functions/accounts/changeContact.js';
import { handler as countryRegionHandler } from '../../../functions/accounts/changeCountryRegion.js';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as industryHandler } from '../../../functions/accounts/changeIndustry.js';
import { handler as loginIdHandler } from '../../../functions/accounts/changeLoginId.js';
import { handler as namesHandler } from '../../../functions/accounts/changeNames.js';
import { handler as preferencesHandler } from '../../../functions/preferences/changePreferences.js';
import { handler as taxHandler } from '../../../functions/accounts/changeTaxInfo.js';
import { handler as tenantHandler } from '../../../functions/accounts/changeTenantName.js';
import { handler as typeHandler } from '../../../functions/accounts/changeAccountType.js';
import { handler as paymentHandler } from '../../../functions/accounts/recordPaymentMethod.js';
import { type Handler, invoke } from '../../support/http.js';
import { bearer, signUp } from '../../support/identity.js';

type Account = { token: string; accountId: string };
type Change = { name: string; run: (a: Account) => ReturnType<typeof invoke> };

const put = (handler: Handler, path: string, a: Account, body: object) => invoke(handler, { method: 'PUT', path, headers: bearer(a.token), body });
const unique = (tag: string) => `${tag}${Math.random().toString(36).slice(2, 10)}`;

const CHANGES: Record<string, Change> = {
  tenantName: { name: 'changeTenantName', run: (a) => put(tenantHandler, '/v1/account/tenant-name', a, { tenantName: unique('tn') }) },
  loginId: { name: 'changeLoginId', run: (a) => put(loginIdHandler, '/v1/account/login-id', a, { loginId: unique('li') }) },
  names: { name: 'changeNames', run: (a) => put(namesHandler, '/v1/account/names', a, { fullName: 'Erika Mustermann' }) },
  taxInfo: { name: 'changeTaxInfo', run: (a) => put(taxHandler, '/v1/account/tax-info', a, { qualificationName: 'vat-registered', taxId: 'DE123456789' }) },
  contact: {
    name: 'changeContact',
    run: (a) =>
      put(contactHandler, '/v1/account/contact', a, { addressLine1: 'Hauptstr. 1', city: 'Berlin', stateProvince: 'Berlin', postalCode: '10115', paymentCurrency: 'EUR', industry: 'retail' }),
  },
  industry: { name: 'changeIndustry', run: (a) => put(industryHandler, '/v1/account/industry', a, { industry: 'retail', secondaryIndustry: 'e-commerce' }) },
  preferences: { name: 'changePreferences', run: (a) => put(preferencesHandler, '/v1/account/preferences', a, { timeZone: 'Europe/Berlin' }) },
  language: { name: 'changePreferences', run: (a) => put(preferencesHandler, '/v1/account/preferences', a, { messageLanguage: 'zh' }) },
  countryRegion: { name: 'changeCountryRegion', run: (a) => put(countryRegionHandler, '/v1/account/country-region', a, { countryRegion: 'FR' }) },
  accountType: { name: 'changeAccountType', run: (a) => put(typeHandler, '/v1/account/type', a, { accountType: 'enterprise', name: 'Muster GmbH' }) },
  paymentMethod: {
    name: 'recordPaymentMethod',
    run: (a) =>
      invoke(paymentHandler, {
        method: 'PUT',
        path: `/v1/ops/accounts/${a.accountId}/payment-method`,
        pathParameters: { accountId: a.accountId },
        headers: { 'x-operator-key': 'test-operator-key' },
        body: { status: 'bound' },
      }),
  },
};

/** Pairs of changes that read and write different attributes of the account. */
const PAIRS: Array<[keyof typeof CHANGES, keyof typeof CHANGES]> = [
  ['names', 'industry'],
  ['preferences', 'industry'],
  ['language', 'contact'],
  ['preferences', 'tenantName'],
  ['loginId', 'preferences'],
  ['countryRegion', 'preferences'],
  ['taxInfo', 'language'],
  ['paymentMethod', 'preferences'],
  ['paymentMethod', 'names'],
  ['accountType', 'industry'],
  ['contact', 'industry'],
];

describe('issue 10: unrelated profile changes made at the same time both succeed', () => {
  it.each(PAIRS)('issue 10: %s and %s fired in parallel on one account both answer 200', async (first, second) => {
    const account = await signUp();
    // changeNames needs an individual account (R-AI-06); set it up before the race.
    expect((await put(typeHandler, '/v1/account/type', account, { accountType: 'individual', name: 'Erika' })).status).toBe(200);
    for (let round = 0; round < 3; round += 1) {
      const results = await Promise.all([CHANGES[first]!.run(account), CHANGES[second]!.run(account)]);
      expect(
        results.map((r) => r.status),
        `${CHANGES[first]!.name} + ${CHANGES[second]!.name}: ${JSON.stringify(results.map((r) => r.body))}`,
      ).toEqual([200, 200]);
      if (first === 'tenantName' || second === 'tenantName' || first === 'loginId' || second === 'loginId' || first === 'accountType' || second === 'accountType') break;
    }
    const view = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) });
    expect(view.status).toBe(200);
  });
});
