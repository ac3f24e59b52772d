/**
 * Issue 13 (shared seam for re-authentication): the one-pending pointer on the account item holds by itself — a
 * second submission's writes are refused while `realNamePending` is set, even where `authStatus` does not move
 * (an authenticated account re-authenticating, R-RA-05).
 */
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { nowIso } from '../../../lib/core/clock.js';
import { newId } from '../../../lib/core/crypto.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE } from '../../../lib/core/store/table.js';
import { ConditionFailed, transact } from '../../../lib/core/store/writes.js';
import type { RealNameApplication } from '../../../lib/realname/model.js';
import { loadApplication, submitWrites, withdrawWrites } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';

function application(accountId: string, kind: RealNameApplication['kind']): RealNameApplication {
  const applicationId = newId('ra_');
  const at = nowIso();
  return {
    ...keys.realNameApplication(applicationId),
    applicationId,
    accountId,
    kind,
    status: 'pending',
    submittedAt: at,
    reviewDueBy: at,
    details: {
      countryRegion: 'DE',
      registeredAddress: 'a',
      enterpriseName: 'n',
      registrationNumberHash: 'h',
      registrationNumberLast4: '1234',
    },
    materials: { certificate: 'm' },
    version: 1,
  };
}

describe('real-name store: the one-pending pointer (issue 13, R-RA-05)', () => {
  it('a second re-authentication of an authenticated account is refused by realNamePending alone; withdrawal frees it and keeps authStatus', async () => {
    const account = await activeAccount();
    const stored = (await findAccount(account.accountId))!;
    const authenticated = { ...stored, authStatus: 'authenticated' as const };
    // Make the account authenticated as a decision would (the state the re-authentication starts from).
    await transact([
      {
        Update: {
          TableName: TABLE(),
          Key: keys.account(account.accountId),
          UpdateExpression: 'SET authStatus = :a',
          ExpressionAttributeValues: { ':a': 'authenticated' },
        },
      },
    ]);
    const first = application(account.accountId, 'enterprise-name');
    await transact(submitWrites(first, authenticated));
    expect((await findAccount(account.accountId))!).toMatchObject({
      authStatus: 'authenticated',
      realNamePending: { applicationId: first.applicationId },
    });

    const second = application(account.accountId, 'enterprise-entity');
    const refused = await transact(submitWrites(second, authenticated)).catch((e) => e);
    expect(refused).toBeInstanceOf(ConditionFailed);
    expect((refused as ConditionFailed).failed('account')).toBe(true);
    expect(await loadApplication(second.applicationId)).toBeUndefined();

    await transact(withdrawWrites(first, nowIso(), { accountId: account.accountId }));
    const after = (await findAccount(account.accountId))!;
    expect(after.authStatus).toBe('authenticated');
    expect(after.realNamePending).toBeUndefined();
    await transact(submitWrites(second, authenticated));
  });
});
