/**
 * Issue 13 item 4 (R-RN-03): the applicant withdraws its own pending application; another account's is not found
 * (R-SEC-05) and nothing changes; a withdrawn one cannot be withdrawn again; a new application may follow.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { loadApplication, queueRowKeys } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { tracesOf } from '../../support/partners.js';
import { applied, realName, withdraw } from '../../support/realname.js';

const get = async (key: { pk: string; sk: string }) => (await db().send(new GetCommand({ TableName: TABLE(), Key: key }))).Item;

describe('withdrawRealNameApplication (issue 13 item 4)', () => {
  it('R-RN-03: withdrawing a pending application ends it, empties the queue and puts authStatus back to none', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'individual');
    const res = await withdraw(account, applicationId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ applicationId, status: 'withdrawn' });
    const app = (await loadApplication(applicationId))!;
    expect(app.status).toBe('withdrawn');
    const rows = queueRowKeys(app);
    expect(await get(rows.pending)).toBeUndefined();
    expect(await get(rows.overdue)).toBeUndefined();
    expect(await get(rows.due)).toBeUndefined();
    const stored = (await findAccount(account.accountId))!;
    expect(stored.authStatus).toBe('unauthenticated');
    expect(stored.realNamePending).toBeUndefined();
    expect((await realName(account)).body).toEqual({ authStatus: 'none' });
    expect((await tracesOf(account.accountId)).map((t) => t.traceName)).toContain('withdrawRealNameApplication');
    // The per-account index row stays (the purge finds the application through it).
    expect(await get(keys.realNameAppIndex(account.accountId, applicationId))).toBeDefined();

    const again = await withdraw(account, applicationId);
    expect(again.status).toBe(422);
    expect(again.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['not-pending']);
    // A new application may follow.
    await applied(account, 'enterprise');
  });

  it("R-SEC-05: another account's application is not found and stays pending", async () => {
    const owner = await activeAccount();
    const other = await activeAccount();
    const { applicationId } = await applied(owner, 'individual');
    const res = await withdraw(other, applicationId);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(owner.accountId);
    expect((await loadApplication(applicationId))!.status).toBe('pending');
    expect((await findAccount(owner.accountId))!.realNamePending).toMatchObject({ applicationId });
    expect((await withdraw(other, 'ra_nothing')).status).toBe(404);
  });
});
