/**
 * Issue 13 item 9: the real-name lifecycle hook. Disabling releases the account's slot on the certificate counter
 * (R-RN-04, R-CL-11) and withdraws its pending application (off the operators' queue) in the disabling transaction;
 * the purge leaves each of its applications only the retained record, and the material files are gone. This file
 * moves the test clock (closed accounts are disabled after the restore window).
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { setClockOffset } from '../../../lib/core/clock.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { ConditionFailed, transact } from '../../../lib/core/store/writes.js';
import { loadMaterial } from '../../../lib/materials/store.js';
import { materialStorage } from '../../../lib/materials/storage.js';
import { certificateClaim, loadApplication, loadCertificate, queueRowKeys } from '../../../lib/realname/store.js';
import { activeAccount, close, disable, runCheck } from '../../support/closure.js';
import { PASSWORD, login } from '../../support/identity.js';
import { applied, authenticatedAs, reauthMaterialsFor, reauthenticate, individualApplication, withdraw } from '../../support/realname.js';

const HOUR = 3600_000;

afterEach(() => setClockOffset(0));

type Session = Awaited<ReturnType<typeof activeAccount>>;

/** Closes the account, moves past the restore window and disables it (the purge runs with it). */
async function closeAndDisable(account: Session) {
  const check = await runCheck(account);
  expect(check.body.passed, JSON.stringify(check.body)).toBe(true);
  expect((await close(account.token, check.body.checkId)).status).toBe(200);
  setClockOffset(25 * HOUR);
  const token = (await login(account.email, PASSWORD, 'email', account.email)).body.token as string;
  const disabled = await disable({ ...account, token });
  expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
}

const get = async (key: { pk: string; sk: string }) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item;

describe('real-name lifecycle hook (issue 13 item 9)', () => {
  it('R-RN-04 R-CL-11: disabling an authenticated account releases its slot on the certificate number: a fourth account can take it', async () => {
    const [a, b, c, d] = await Promise.all([activeAccount(), activeAccount(), activeAccount(), activeAccount()]);
    const { number, hash } = await authenticatedAs(a.accountId, 'individual');
    await authenticatedAs(b.accountId, 'individual', { number });
    await authenticatedAs(c.accountId, 'individual', { number });
    // Full: a fourth account is refused.
    await expect(transact([certificateClaim('individual', hash, d.accountId)])).rejects.toBeInstanceOf(ConditionFailed);
    await closeAndDisable(a);
    expect(await loadCertificate('individual', hash)).toEqual({ count: 2, accounts: [b.accountId, c.accountId].sort() });
    await transact([certificateClaim('individual', hash, d.accountId)]);
    expect((await loadCertificate('individual', hash)).count).toBe(3);
  });

  it('R-CL-11 R-RA-05: disabling withdraws the pending re-authentication and takes it off the operators’ queue', async () => {
    const account = await activeAccount();
    await authenticatedAs(account.accountId, 'individual');
    const { materials, applicationForm } = await reauthMaterialsFor(account, 'individual-owner');
    const res = await reauthenticate(account, { ...individualApplication(), kind: 'individual-owner', materials, applicationForm });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const app = (await loadApplication(res.body.applicationId as string))!;
    const rows = queueRowKeys(app);
    expect(await get(rows.pending)).toBeDefined();
    await closeAndDisable(account);
    expect((await loadApplication(app.applicationId))?.status).toBe('withdrawn');
    for (const key of [rows.pending, rows.overdue, rows.due]) expect(await get(key)).toBeUndefined();
  });

  it('R-CL-11 R-RN-08: after the purge the applications keep only the retained record, and their material files are gone', async () => {
    const account = await activeAccount();
    const first = await applied(account, 'individual', { fullName: 'Han Meimei' });
    expect((await withdraw(account, first.applicationId)).status).toBe(200);
    // A decided application (the decision is another branch's: written here as it would leave it).
    const materialId = (await loadApplication(first.applicationId))!.materials.certificatePage!;
    await db().send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: keys.realNameApplication(first.applicationId),
        UpdateExpression: 'SET #status = :rejected, decision = :decision',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':rejected': 'rejected',
          ':decision': {
            status: 'rejected',
            operatorId: 'op_1',
            at: '2026-01-01T00:00:00.000Z',
            reasons: [{ code: 'name-mismatch', materialId, note: 'Han Meimei ≠ passport' }],
          },
        },
      }),
    );
    const second = await applied(account, 'individual', { fullName: 'Han Meimei' });
    const files = await Promise.all(
      Object.values((await loadApplication(second.applicationId))!.materials).map(
        async (id) => (await loadMaterial(account.accountId, id))!,
      ),
    );
    const objectKeys = files.map((m) => (m.finalKey ?? m.objectKey) as string);
    for (const key of objectKeys) expect(await materialStorage().head(key, 4)).toBeDefined();

    await closeAndDisable(account);
    // The purge ran with the disable at the moved test clock and removed the files: S3 requests are signed at the real
    // time (S3 judges them by its own clock, lib/core/clock.ts wallClock), so no purge is left over for the scheduler.
    expect(await get(keys.timer(account.accountId, 'purge'))).toBeUndefined();
    setClockOffset(0);

    const [rejected, pending] = await Promise.all([loadApplication(first.applicationId), loadApplication(second.applicationId)]);
    expect(rejected).toEqual({
      ...keys.realNameApplication(first.applicationId),
      applicationId: first.applicationId,
      accountId: account.accountId,
      kind: 'individual',
      status: 'rejected',
      submittedAt: expect.any(String),
      reviewDueBy: expect.any(String),
      withdrawnAt: expect.any(String),
      decision: { status: 'rejected', operatorId: 'op_1', at: '2026-01-01T00:00:00.000Z', reasons: [{ code: 'name-mismatch' }] },
      purgedAt: expect.any(String),
      version: expect.any(Number),
    });
    expect(pending).toMatchObject({
      applicationId: second.applicationId,
      accountId: account.accountId,
      kind: 'individual',
      status: 'withdrawn',
    });
    for (const app of [rejected, pending]) {
      expect(app).not.toHaveProperty('details');
      expect(app).not.toHaveProperty('materials');
      expect(JSON.stringify(app)).not.toMatch(/Han Meimei|certificateNumber|Last4/);
    }
    for (const key of objectKeys) expect(await materialStorage().head(key, 4)).toBeUndefined();
  });
});
