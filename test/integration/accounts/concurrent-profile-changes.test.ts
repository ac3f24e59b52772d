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
import { handler as passwordHandler } from '../../../functions/accounts/changePassword.js';
import { type Handler, invoke } from '../../support/http.js';
import { PASSWORD, bearer, signUp, startLogin } from '../../support/identity.js';

type Account = { token: string; accountId: string; email: string };
type Answer = Awaited<ReturnType<typeof invoke>>;
/** One change: what it sends in `round`, and what GET /v1/account must show once it answered 200. */
type Change = { name: string; run: (a: Account, round: number) => { sent: Promise<Answer>; shows: Record<string, unknown> } };

const put = (handler: Handler, path: string, a: Account, body: object) =>
  invoke(handler, { method: 'PUT', path, headers: bearer(a.token), body });
const unique = (tag: string) => `${tag}${Math.random().toString(36).slice(2, 10)}`;
const pick = <T>(values: readonly T[], round: number) => values[round % values.length]!;
const view = async (a: Account) => {
  const res = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(a.token), query: { reveal: 'email' } });
  expect(res.status).toBe(200);
  return res.body as Record<string, unknown>;
};
const label = (results: Answer[]) => JSON.stringify(results.map((r) => [r.status, r.body]));

// Each round sends a value the previous round did not, so a lost update shows in the stored account.
const CHANGES: Record<string, Change> = {
  tenantName: {
    name: 'changeTenantName',
    run: (a) => {
      const tenantName = unique('tn');
      return { sent: put(tenantHandler, '/v1/account/tenant-name', a, { tenantName }), shows: { tenantName } };
    },
  },
  loginId: {
    name: 'changeLoginId',
    run: (a) => {
      const loginId = unique('li');
      return { sent: put(loginIdHandler, '/v1/account/login-id', a, { loginId }), shows: { loginId } };
    },
  },
  names: {
    name: 'changeNames',
    run: (a, round) => {
      const fullName = pick(['Erika Mustermann', 'Erika Musterfrau', 'Erika Beispiel'], round);
      return { sent: put(namesHandler, '/v1/account/names', a, { fullName }), shows: { fullName } };
    },
  },
  taxInfo: {
    name: 'changeTaxInfo',
    run: (a, round) => {
      const taxInfo = { qualificationName: 'vat-registered', taxId: `DE12345678${round}` };
      return { sent: put(taxHandler, '/v1/account/tax-info', a, taxInfo), shows: { taxInfo: expect.objectContaining(taxInfo) } };
    },
  },
  contact: {
    name: 'changeContact',
    run: (a, round) => {
      const city = pick(['Berlin', 'Hamburg', 'Munich'], round);
      const contact = {
        addressLine1: 'Hauptstr. 1',
        city,
        stateProvince: 'Berlin',
        postalCode: '10115',
        paymentCurrency: 'EUR',
        industry: 'retail',
      };
      return { sent: put(contactHandler, '/v1/account/contact', a, contact), shows: { contact: expect.objectContaining({ city }) } };
    },
  },
  industry: {
    name: 'changeIndustry',
    run: (a, round) => {
      const industry = { industry: 'retail', secondaryIndustry: pick(['e-commerce', 'wholesale', 'consumer-goods'], round) };
      return { sent: put(industryHandler, '/v1/account/industry', a, industry), shows: { industry } };
    },
  },
  preferences: {
    name: 'changePreferences',
    run: (a, round) => {
      const timeZone = pick(['Europe/Berlin', 'Asia/Shanghai', 'America/New_York'], round);
      return {
        sent: put(preferencesHandler, '/v1/account/preferences', a, { timeZone }),
        shows: { preferences: expect.objectContaining({ timeZone }) },
      };
    },
  },
  language: {
    name: 'changePreferences',
    run: (a, round) => {
      const messageLanguage = pick(['zh', 'en'], round);
      return {
        sent: put(preferencesHandler, '/v1/account/preferences', a, { messageLanguage }),
        shows: { preferences: expect.objectContaining({ messageLanguage }) },
      };
    },
  },
  countryRegion: {
    name: 'changeCountryRegion',
    run: (a, round) => {
      const countryRegion = pick(['FR', 'IT', 'ES'], round);
      return { sent: put(countryRegionHandler, '/v1/account/country-region', a, { countryRegion }), shows: { countryRegion } };
    },
  },
  accountType: {
    name: 'changeAccountType',
    run: (a) => ({
      sent: put(typeHandler, '/v1/account/type', a, { accountType: 'enterprise', name: 'Muster GmbH' }),
      shows: { accountType: 'enterprise', enterpriseName: 'Muster GmbH' },
    }),
  },
  paymentMethod: {
    name: 'recordPaymentMethod',
    run: (a, round) => {
      const status = pick(['bound', 'none'], round);
      return {
        sent: invoke(paymentHandler, {
          method: 'PUT',
          path: `/v1/ops/accounts/${a.accountId}/payment-method`,
          pathParameters: { accountId: a.accountId },
          headers: { 'x-operator-key': 'test-operator-key' },
          body: { status },
        }),
        shows: { paymentMethod: expect.objectContaining({ status }) },
      };
    },
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

/** Changes allowed once (login ID, type move) or few times (tenant name quota) race one round only. */
const ONE_ROUND = new Set(['tenantName', 'loginId', 'accountType']);

/** An individual account named Erika (changeNames needs the type, R-AI-06). */
async function individual(): Promise<Account> {
  const account = await signUp();
  expect((await put(typeHandler, '/v1/account/type', account, { accountType: 'individual', name: 'Erika' })).status).toBe(200);
  return account;
}

describe('issue 10: unrelated profile changes made at the same time both succeed, and both are stored', () => {
  it.each(PAIRS)(
    'issue 10: %s and %s fired in parallel on one account both answer 200 and the account shows both values',
    async (first, second) => {
      const account = await individual();
      for (let round = 0; round < 3; round += 1) {
        const a = CHANGES[first]!.run(account, round);
        const b = CHANGES[second]!.run(account, round);
        const results = await Promise.all([a.sent, b.sent]);
        const what = `${CHANGES[first]!.name} + ${CHANGES[second]!.name}, round ${round}: ${label(results)}`;
        expect(
          results.map((r) => r.status),
          what,
        ).toEqual([200, 200]);
        // A lost update (one write built on an account read before the other committed) shows here.
        expect(await view(account), what).toMatchObject({ ...a.shows, ...b.shows });
        if (ONE_ROUND.has(first) || ONE_ROUND.has(second)) break;
      }
    },
  );
});

/**
 * Related changes: one decision reads what the other writes (or both merge into one attribute). Fired in parallel
 * they may not both apply on a stale read: either one is refused (409/422, 400 where the rule is an input rule), or
 * both apply as if one after the other (the loser read again and decided again). Each row checks the stored account
 * against the two answers.
 */
interface Race {
  answers: [Promise<Answer>, Promise<Answer>];
  /** Asserts what is stored is what the two answers allow. */
  consistent: (statuses: [number, number]) => Promise<void>;
}
interface RelatedRow {
  name: string;
  setUp?: (a: Account) => Promise<void>;
  race: (a: Account, round: number) => Race;
  rounds: number;
}

const tenant = (a: Account, tenantName: string) => put(tenantHandler, '/v1/account/tenant-name', a, { tenantName });
const REFUSED = [409, 422];

const RELATED: RelatedRow[] = [
  {
    // Both merge into the one `preferences` attribute (read: ['preferences']): a merge on a stale read drops the other's field.
    name: 'issue 10: a time-zone change and a language change racing on one preferences attribute: neither answered-200 value is lost',
    race: (a, round) => {
      const timeZone = pick(['Asia/Shanghai', 'Europe/Berlin'], round);
      const messageLanguage = pick(['zh', 'en'], round);
      return {
        answers: [
          put(preferencesHandler, '/v1/account/preferences', a, { timeZone }),
          put(preferencesHandler, '/v1/account/preferences', a, { messageLanguage }),
        ],
        consistent: async ([zone, language]) => {
          for (const status of [zone, language]) expect([200, ...REFUSED]).toContain(status);
          const { preferences } = (await view(a)) as { preferences: Record<string, string> };
          if (zone === 200) expect(preferences.timeZone, 'the time zone answered 200').toBe(timeZone);
          if (language === 200) expect(preferences.messageLanguage, 'the language answered 200').toBe(messageLanguage);
        },
      };
    },
    rounds: 4,
  },
  {
    // R-AI-06 + R-AI-05: changeNames decides on accountType; changeAccountType moves it.
    name: 'R-AI-05/R-AI-06 (issue 10): a name change racing a move to enterprise is refused or applied, and the account says which',
    race: (a) => ({
      answers: [
        put(namesHandler, '/v1/account/names', a, { fullName: 'Erika Neu' }),
        put(typeHandler, '/v1/account/type', a, { accountType: 'enterprise', name: 'Muster GmbH' }),
      ],
      consistent: async ([names, type]) => {
        expect(type, 'the type move is allowed in either order').toBe(200);
        expect([200, ...REFUSED]).toContain(names);
        expect(await view(a)).toMatchObject({
          accountType: 'enterprise',
          enterpriseName: 'Muster GmbH',
          fullName: names === 200 ? 'Erika Neu' : 'Erika',
        });
      },
    }),
    rounds: 1,
  },
  {
    // R-AI-06: a name edit and a same-type rename both write fullName (both read it): the stored name is one that answered 200.
    name: 'R-AI-05/R-AI-06 (issue 10): a name change racing a same-type rename: the stored name is one of those answered 200',
    race: (a, round) => {
      const [edit, rename] = [`Erika Neu ${'abc'[round]}`, `Erika Anders ${'abc'[round]}`];
      return {
        answers: [
          put(namesHandler, '/v1/account/names', a, { fullName: edit }),
          put(typeHandler, '/v1/account/type', a, { accountType: 'individual', name: rename }),
        ],
        consistent: async ([editStatus, renameStatus]) => {
          for (const status of [editStatus, renameStatus]) expect([200, ...REFUSED]).toContain(status);
          const applied = [editStatus === 200 && edit, renameStatus === 200 && rename].filter(Boolean);
          expect(applied.length, 'at least one applies').toBeGreaterThan(0);
          expect(applied).toContain((await view(a)).fullName);
        },
      };
    },
    rounds: 3,
  },
  {
    // R-AI-02: one change left in the quota; two new names race for it.
    name: 'R-AI-02 (issue 10): two tenant-name changes racing for the last change of the quota: exactly one applies, the other is refused',
    setUp: async (a) => {
      for (let i = 0; i < 2; i += 1) expect((await tenant(a, unique('q'))).status).toBe(200);
    },
    race: (a) => {
      const names = [unique('last'), unique('last')] as const;
      const answers = [tenant(a, names[0]), tenant(a, names[1])] as [Promise<Answer>, Promise<Answer>];
      return {
        answers,
        consistent: async (statuses) => {
          expect(
            statuses.filter((s) => s === 200),
            'exactly one applies',
          ).toEqual([200]);
          expect(REFUSED, 'the other is refused').toContain(statuses.find((s) => s !== 200));
          const won = names[statuses.indexOf(200)];
          expect(await view(a)).toMatchObject({ tenantName: won });
          const [answered] = (await Promise.all(answers)).filter((r) => r.status === 200);
          expect(answered!.body.changesLeftThisYear).toBe(0);
          expect((await tenant(a, unique('over'))).status, 'the quota is used up').toBe(422);
        },
      };
    },
    rounds: 1,
  },
  {
    // R-AI-04 + the new-password rule: the rule reads the login ID (PASSWORD_CONTEXT), changeLoginId moves it.
    name: 'R-AI-04/R-LI-05 (issue 10): a password containing the new login ID racing the login-ID change: refused, or applied with the old login ID',
    race: (a) => {
      const loginId = unique('li');
      const newPassword = `Pw-${loginId}-9x`;
      return {
        answers: [
          put(loginIdHandler, '/v1/account/login-id', a, { loginId }),
          put(passwordHandler, '/v1/account/password', a, { currentPassword: PASSWORD, newPassword }),
        ],
        consistent: async ([login, password]) => {
          expect(login, 'the login-ID change reads no password').toBe(200);
          expect([204, 400, ...REFUSED]).toContain(password);
          expect(await view(a)).toMatchObject({ loginId });
          const works = async (pw: string) => (await startLogin(a.email, pw)).status === 200;
          expect({ newWorks: await works(newPassword), oldWorks: await works(PASSWORD) }).toEqual({
            newWorks: password === 204,
            oldWorks: password !== 204,
          });
        },
      };
    },
    rounds: 1,
  },
];

describe('issue 10: related profile changes made at the same time never both apply on a stale read', () => {
  it.each(RELATED.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const account = await individual();
    await row.setUp?.(account);
    for (let round = 0; round < row.rounds; round += 1) {
      const race = row.race(account, round);
      const results = await Promise.all(race.answers);
      const statuses = results.map((r) => r.status) as [number, number];
      expect(
        statuses.every((s) => s !== 500),
        label(results),
      ).toBe(true);
      try {
        await race.consistent(statuses);
      } catch (error) {
        throw new Error(`round ${round}: ${label(results)}\n${(error as Error).message}`);
      }
    }
  });
});
