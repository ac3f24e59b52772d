/** Contract of the recipients store (lib/recipients/store.ts) on DynamoDB Local (R-PR-03, R-SEC-05, R-CL-10). */
import { describe, expect, it } from 'vitest';
import type { AccountItem } from '../../lib/accounts/account.js';
import { accountCreate } from '../../lib/accounts/store.js';
import { auditWrite } from '../../lib/core/audit/audit.js';
import { recipientsConfig } from '../../lib/core/config.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { transact } from '../../lib/core/store/writes.js';
import {
  type RecipientItem,
  commitAddRecipient,
  commitDeleteRecipient,
  commitEditRecipient,
  findRecipient,
  listRecipientItems,
} from '../../lib/recipients/store.js';

const uid = () => Math.random().toString(36).slice(2, 12);
const origin = { requestId: 'r', sourceIp: '203.0.113.1', userAgent: 'vitest' };
const trace = (accountId: string) => auditWrite({ accountId, traceName: 'addRecipient', request: origin, result: 'success' });

async function account(status: AccountItem['status'] = 'active'): Promise<string> {
  const accountId = `ac_${uid()}`;
  await transact([
    accountCreate({
      ...keys.account(accountId),
      accountId,
      status,
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
      createdAt: '2026-01-01T00:00:00.000Z',
    }),
  ]);
  return accountId;
}

const recipient = (n = 0): RecipientItem => ({
  recipientId: `rc_${uid()}`,
  name: `Finance ${n}`,
  email: `finance${n}@example.com`,
  messageTypes: ['billing'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('recipients store', () => {
  it("R-SEC-05: another account's recipient is not found: not listed, not read, not edited, not deleted", async () => {
    const [a, b] = await Promise.all([account(), account()]);
    const r = recipient();
    expect(await commitAddRecipient(a, r, trace(a))).toBeUndefined();
    expect(await listRecipientItems(b)).toEqual([]);
    expect(await findRecipient(b, r.recipientId)).toBeUndefined();
    expect(
      await commitEditRecipient(b, r.recipientId, { name: 'x', messageTypes: ['billing'] }, '2026-01-02T00:00:00.000Z', trace(b)),
    ).toBe('not-found');
    expect(await commitDeleteRecipient(b, r.recipientId, trace(b))).toBe('not-found');
    expect(await findRecipient(a, r.recipientId)).toEqual(r);
  });

  it(`R-PR-03: of ${recipientsConfig.maxPerAccount + 4} recipients added in parallel, exactly the limit (${recipientsConfig.maxPerAccount}) is stored`, async () => {
    const a = await account();
    const results = await Promise.all(
      Array.from({ length: recipientsConfig.maxPerAccount + 4 }, (_, i) => commitAddRecipient(a, recipient(i), trace(a))),
    );
    expect(results.filter((r) => r === undefined)).toHaveLength(recipientsConfig.maxPerAccount);
    expect(results.filter((r) => r === 'closed-or-full')).toHaveLength(4);
    expect(await listRecipientItems(a)).toHaveLength(recipientsConfig.maxPerAccount);
  });

  it('R-PR-03: a recipient deleted by two requests at once is deleted once (the other is not found)', async () => {
    const a = await account();
    const r = recipient();
    await commitAddRecipient(a, r, trace(a));
    const results = await Promise.all([
      commitDeleteRecipient(a, r.recipientId, trace(a)),
      commitDeleteRecipient(a, r.recipientId, trace(a)),
    ]);
    expect(results.filter((x) => x === undefined)).toHaveLength(1);
    expect(results.filter((x) => x === 'not-found')).toHaveLength(1);
    // The count went down once: the limit is still reachable exactly.
    for (let i = 0; i < recipientsConfig.maxPerAccount; i += 1) expect(await commitAddRecipient(a, recipient(i), trace(a))).toBeUndefined();
    expect(await commitAddRecipient(a, recipient(99), trace(a))).toBe('closed-or-full');
  });

  it.each(['closed', 'disabled'] as const)("R-CL-10: a %s account's recipients do not change", async (status) => {
    const a = await account(status);
    expect(await commitAddRecipient(a, recipient(), trace(a))).toBe('closed-or-full');
    expect(await listRecipientItems(a)).toEqual([]);
  });
});
