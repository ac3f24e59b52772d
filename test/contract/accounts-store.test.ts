/**
 * Contract of the accounts store (lib/accounts/store.ts) on DynamoDB Local, in the style of a
 * persistence contract suite: what every implementation of these functions must guarantee.
 */
import { describe, expect, it } from 'vitest';
import type { AccountItem } from '../../lib/accounts/account.js';
import {
  accountCreate,
  accountIdByAnyClaim,
  accountIdByClaim,
  accountUpdate,
  claimDelete,
  claimPut,
  findAccount,
  loadAccount,
  moveClaim,
} from '../../lib/accounts/store.js';
import { NotFound } from '../../lib/core/errors.js';
import type { ClaimKind } from '../../lib/core/store/keys.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';

const uid = () => Math.random().toString(36).slice(2, 12);

function newAccount(overrides: Partial<AccountItem> = {}): AccountItem {
  const accountId = `ac_${uid()}`;
  return {
    ...keys.account(accountId),
    accountId,
    status: 'registered',
    version: 1,
    email: `${uid()}@example.com`,
    loginId: `u${uid()}`,
    tenantName: `hwc${uid()}`,
    countryRegion: 'DE',
    accountType: 'unset',
    authStatus: 'unauthenticated',
    passwordHash: 'scrypt$x',
    sessionEpoch: 0,
    failedAttempts: 0,
    preferences: { messageLanguage: 'en', timeZone: 'UTC' },
    paymentMethod: { status: 'none' },
    tenantNameChanges: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

async function stored(overrides: Partial<AccountItem> = {}): Promise<AccountItem> {
  const account = newAccount(overrides);
  await transact([accountCreate(account)]);
  return account;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('accounts store: reads are scoped to one account (R-SEC-05)', () => {
  it("R-SEC-05: another account's item is not found: an ID that names no account reads nothing", async () => {
    const mine = await stored();
    expect((await loadAccount(mine.accountId)).email).toBe(mine.email);
    expect(await findAccount(`ac_${uid()}`)).toBeUndefined();
    await expect(loadAccount(`ac_${uid()}`)).rejects.toBeInstanceOf(NotFound);
  });

  it("R-SEC-05: an update keyed by one account never creates or changes another account's item", async () => {
    const a = await stored();
    const ghost = newAccount();
    const error = await failure(transact([accountUpdate(ghost, { fullName: 'x' }, { read: ['fullName'], expectStatus: ['registered'] })]));
    expect(error).toBeInstanceOf(ConditionFailed);
    expect(await findAccount(ghost.accountId)).toBeUndefined();
    expect((await loadAccount(a.accountId)).fullName).toBeUndefined();
  });

  it('R-LI-01 R-LI-07: a claim names exactly its owner; a look-up by any of several claims finds it', async () => {
    const a = await stored();
    const value = `n${uid()}`;
    await transact([claimPut('TENANT', value, a.accountId)]);
    expect(await accountIdByClaim('TENANT', value)).toBe(a.accountId);
    expect(await accountIdByClaim('LOGINID', value)).toBeUndefined();
    expect(
      await accountIdByAnyClaim([
        ['LOGINID', value],
        ['TENANT', value],
      ]),
    ).toBe(a.accountId);
  });
});

describe('accounts store: a claim is taken by exactly one (R-SU-02, R-SEC-02, R-AI-02, R-AI-04, R-AI-08)', () => {
  const KINDS: ClaimKind[] = ['EMAIL', 'MOBILE', 'SVCMOBILE', 'SVCEMAIL', 'LOGINID', 'TENANT'];

  it.each(KINDS)(
    'R-SEC-02: a %s claim is taken by exactly one of 5 parallel sign-ups; the others fail on the `claim` item and write nothing',
    async (kind) => {
      const value = `${kind.toLowerCase()}-${uid()}`;
      const accounts = Array.from({ length: 5 }, () => newAccount());
      const results = await Promise.all(accounts.map((a) => failure(transact([claimPut(kind, value, a.accountId), accountCreate(a)]))));
      const winners = accounts.filter((_, i) => results[i] === undefined);
      expect(winners).toHaveLength(1);
      for (const error of results.filter((r) => r !== undefined)) {
        expect(error).toBeInstanceOf(ConditionFailed);
        expect((error as ConditionFailed).failed('claim')).toBe(true);
      }
      expect(await accountIdByClaim(kind, value)).toBe(winners[0]!.accountId);
      const losers = accounts.filter((a) => a !== winners[0]);
      for (const a of losers) expect(await findAccount(a.accountId)).toBeUndefined();
    },
  );

  it.each([
    ['TENANT', 'tenantName'],
    ['LOGINID', 'loginId'],
  ] as const)(
    'R-AI-02 R-AI-04: 4 accounts moving their %s claim to the same value at once: exactly one holds it, the others keep theirs',
    async (kind, field) => {
      const accounts = await Promise.all(Array.from({ length: 4 }, () => stored()));
      for (const a of accounts) await transact([claimPut(kind, a[field] as string, a.accountId)]);
      const value = `n${uid()}`;
      const results = await Promise.all(
        accounts.map((a) =>
          failure(
            transact([accountUpdate(a, { [field]: value }, { read: [field] }), ...moveClaim(kind, a[field] as string, value, a.accountId)]),
          ),
        ),
      );
      expect(results.filter((r) => r === undefined)).toHaveLength(1);
      const winner = accounts[results.indexOf(undefined)]!;
      expect(await accountIdByClaim(kind, value)).toBe(winner.accountId);
      for (const a of accounts.filter((x) => x !== winner)) {
        expect(await accountIdByClaim(kind, a[field] as string)).toBe(a.accountId);
        expect((await loadAccount(a.accountId))[field]).toBe(a[field]);
      }
    },
  );

  it('R-AI-02: a claim held by another account cannot be released by this one', async () => {
    const [a, b] = await Promise.all([stored(), stored()]);
    const value = `n${uid()}`;
    await transact([claimPut('TENANT', value, a.accountId)]);
    const error = await failure(transact([claimDelete('TENANT', value, b.accountId)]));
    expect((error as ConditionFailed).failed('release')).toBe(true);
    expect(await accountIdByClaim('TENANT', value)).toBe(a.accountId);
  });
});

describe('accounts store: conditional writes (issue 10, R-CL-10)', () => {
  // Each row: what the decision read, a change another request committed to it meanwhile.
  const STALE: Array<[keyof AccountItem & string, Partial<AccountItem>, Record<string, unknown>]> = [
    ['tenantNameChanges', {}, { tenantNameChanges: ['2026-01-02T00:00:00.000Z'] }],
    ['preferences', {}, { preferences: { messageLanguage: 'zh', timeZone: 'UTC' } }],
    ['mobile', {}, { mobile: '+4915112345678' }],
    [
      'taxInfo',
      { taxInfo: { qualificationName: 'vat-registered', taxId: 'DE123456' } },
      { taxInfo: { qualificationName: 'vat-registered', taxId: 'DE999999' } },
    ],
    ['accountType', {}, { accountType: 'individual' }],
  ];

  it.each(STALE)('issue 10: a write conditioned on %s refuses a stale read of it (tag `account`)', async (field, initial, change) => {
    const read = await stored(initial);
    await transact([accountUpdate(read, change, { read: [field] })]);
    const error = await failure(transact([accountUpdate(read, { [field]: initial[field] ?? null }, { read: [field] })]));
    expect(error).toBeInstanceOf(ConditionFailed);
    expect((error as ConditionFailed).failed('account')).toBe(true);
    expect((await loadAccount(read.accountId))[field]).toEqual(change[field]);
  });

  it.each(STALE)('issue 10: a write that did not read %s commits after a change of it', async (field, initial, change) => {
    const read = await stored(initial);
    await transact([accountUpdate(read, change, { read: [field] })]);
    await transact([accountUpdate(read, { industry: { industry: 'other' } }, { read: ['industry'] })]);
    const now = await loadAccount(read.accountId);
    expect(now.industry).toEqual({ industry: 'other' });
    expect(now[field]).toEqual(change[field]);
  });

  it('issue 10: a write without `read` is taken to have read the whole item: any change in between refuses it', async () => {
    const read = await stored();
    await transact([accountUpdate(read, { industry: { industry: 'other' } }, { read: ['industry'] })]);
    const error = await failure(transact([accountUpdate(read, { status: 'closed' }, { expectStatus: ['registered'] })]));
    expect((error as ConditionFailed).failed('account')).toBe(true);
    expect((await loadAccount(read.accountId)).version).toBe(read.version + 1);
  });

  it.each(['closed', 'disabled'] as const)(
    'R-CL-10: a profile write expecting an editable account is refused once it is %s',
    async (status) => {
      const read = await stored({ status });
      const error = await failure(
        transact([
          accountUpdate(read, { industry: { industry: 'other' } }, { read: ['industry'], expectStatus: ['registered', 'active'] }),
        ]),
      );
      expect((error as ConditionFailed).failed('account')).toBe(true);
      expect((await loadAccount(read.accountId)).industry).toBeUndefined();
    },
  );

  it('R-AI-02: of 4 parallel writes judged on the same tenantNameChanges list, exactly one commits', async () => {
    const read = await stored();
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        failure(
          transact([accountUpdate(read, { tenantNameChanges: [`2026-01-0${i + 1}T00:00:00.000Z`] }, { read: ['tenantNameChanges'] })]),
        ),
      ),
    );
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.filter((r) => r instanceof ConditionFailed)).toHaveLength(3);
  });
});
