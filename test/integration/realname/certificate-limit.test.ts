/**
 * R-RN-04 (issue 13 item 7, issue test): one certificate number authenticates at most 3 accounts (individual) or 6
 * (enterprise), enforced atomically at approval — the next approval is refused with `certificate-limit` and the
 * application stays pending, also when two approvals race for the last slot (exactly one wins).
 */
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { loadApplication, loadCertificate } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { approve, decideApplication, firmDetails, personDetails, storedApplication, uniqueNumber } from '../../support/realname.js';

const INDIVIDUAL = { certificatePage: 'mt_a', holdingPhoto: 'mt_b' };

async function applicants(n: number) {
  const accounts = [];
  for (let i = 0; i < n; i += 1) accounts.push(await activeAccount());
  return accounts;
}

function expectRefused(res: { status: number; body: any }) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.code).toBe('NOT_ALLOWED');
  expect(res.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['certificate-limit']);
}

describe('R-RN-04: accounts per certificate number, at approval (issue 13 item 7)', () => {
  it('R-RN-04: the 4th individual account on one certificate number is refused and stays pending', async () => {
    const number = uniqueNumber();
    const accounts = await applicants(4);
    const apps = [];
    for (const a of accounts) apps.push(await storedApplication(a.accountId, 'individual', personDetails(number), INDIVIDUAL));
    for (const app of apps.slice(0, 3)) await approve(app.applicationId);
    const fourth = await decideApplication(apps[3]!.applicationId, { approve: true });
    expectRefused(fourth);
    expect(fourth.body.failures[0].message).toMatch(/at most 3 accounts/);
    expect((await loadApplication(apps[3]!.applicationId))!.status).toBe('pending');
    expect((await findAccount(accounts[3]!.accountId))!).toMatchObject({
      authStatus: 'pending',
      realNamePending: { applicationId: apps[3]!.applicationId },
    });
    const cert = await loadCertificate('individual', personDetails(number).certificateNumberHash);
    expect(cert.count).toBe(3);
    expect(cert.accounts).toEqual(
      accounts
        .slice(0, 3)
        .map((a) => a.accountId)
        .sort(),
    );
    // It can still be rejected.
    const rejected = await decideApplication(apps[3]!.applicationId, {
      approve: false,
      reasons: [{ code: 'other', note: 'Number used by 3 accounts.' }],
    });
    expect(rejected.status).toBe(200);
  });

  it('R-RN-04: two approvals racing for the last individual slot — exactly one is approved, the other refused and still pending', async () => {
    const number = uniqueNumber();
    const accounts = await applicants(4);
    const apps = [];
    for (const a of accounts) apps.push(await storedApplication(a.accountId, 'individual', personDetails(number), INDIVIDUAL));
    for (const app of apps.slice(0, 2)) await approve(app.applicationId);
    const racing = await Promise.all(apps.slice(2).map((app) => decideApplication(app.applicationId, { approve: true })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 422]);
    expectRefused(racing.find((r) => r.status === 422)!);
    const statuses = await Promise.all(apps.slice(2).map(async (app) => (await loadApplication(app.applicationId))!.status));
    expect(statuses.sort()).toEqual(['approved', 'pending']);
    expect((await loadCertificate('individual', personDetails(number).certificateNumberHash)).count).toBe(3);
  });

  it('R-RN-04: the 7th enterprise account on one registration number is refused', async () => {
    const number = uniqueNumber('HRB');
    const accounts = await applicants(7);
    const apps = [];
    for (const a of accounts) apps.push(await storedApplication(a.accountId, 'enterprise', firmDetails(number, 'Shared GmbH')));
    for (const app of apps.slice(0, 6)) await approve(app.applicationId);
    const seventh = await decideApplication(apps[6]!.applicationId, { approve: true });
    expectRefused(seventh);
    expect(seventh.body.failures[0].message).toMatch(/at most 6 accounts/);
    expect((await loadCertificate('enterprise', firmDetails(number, 'x').registrationNumberHash)).count).toBe(6);
  });
});
