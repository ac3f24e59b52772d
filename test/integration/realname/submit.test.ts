/**
 * Issue 13 item 1: submitting a real-name application (R-RN-01, R-RN-03, R-RN-05, R-RN-06, R-AI-05) over the real
 * handlers on DynamoDB Local and s3rver. This file moves the test clock.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import type { AccountCaller } from '../../../lib/core/caller.js';
import { partnerProgramSet } from '../../../lib/core/checks/store.js';
import { nowMs, setClockOffset } from '../../../lib/core/clock.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { transact } from '../../../lib/core/store/writes.js';
import { getRealName } from '../../../lib/realname/getRealName.js';
import { certificateNumberHash, loadApplication, queueRowKeys } from '../../../lib/realname/store.js';
import { type SubmitInput, submitRealNameApplication } from '../../../lib/realname/submitRealNameApplication.js';
import { activeAccount } from '../../support/closure.js';
import { setAccountType } from '../../support/enterprise.js';
import { tracesOf } from '../../support/partners.js';
import {
  applied,
  apply,
  enterpriseApplication,
  individualApplication,
  materialsFor,
  realName,
  verifiedMaterial,
} from '../../support/realname.js';

const accountCaller = (accountId: string): AccountCaller => ({
  kind: 'account',
  accountId,
  sessionKey: 'test',
  status: 'active',
  origin: { requestId: 'test', sourceIp: '198.51.100.1', userAgent: 'vitest' },
});

const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

async function itemsOf(pk: string) {
  const out = await db().send(
    new QueryCommand({ TableName: TABLE(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
  );
  return out.Items ?? [];
}

afterEach(() => setClockOffset(0));

describe('submitRealNameApplication (issue 13 item 1)', () => {
  it('R-RN-01: an individual application records its fields, the number only as a keyed hash and last 4', async () => {
    const account = await activeAccount();
    const number = 'X12-345 678';
    const { applicationId, status } = await applied(account, 'individual', {
      certificateNumber: number,
      fullName: 'Han Meimei',
      certificateType: 'id-card',
    });
    expect(status).toBe('pending');
    const app = (await loadApplication(applicationId))!;
    expect(app).toMatchObject({
      accountId: account.accountId,
      kind: 'individual',
      status: 'pending',
      details: {
        certificateType: 'id-card',
        fullName: 'Han Meimei',
        issuingCountry: 'DE',
        certificateNumberHash: certificateNumberHash('individual', number),
        certificateNumberLast4: '5678',
      },
    });
    expect(Object.keys(app.materials).sort()).toEqual(['certificatePage', 'holdingPhoto']);
    // The raw number is nowhere: not in the application, its rows, the account partition or the audit traces.
    const everything = [
      app,
      ...(await itemsOf(keys.accountPartition(account.accountId))),
      ...(await itemsOf(keys.realNameQueuePartition('pending'))).filter((r) => r.applicationId === applicationId),
      ...(await tracesOf(account.accountId)),
    ];
    const dump = JSON.stringify(everything);
    for (const fragment of ['X12-345 678', 'X12345678', '12-345', '345 678']) expect(dump).not.toContain(fragment);
    expect((await tracesOf(account.accountId)).map((t) => t.traceName)).toContain('submitRealNameApplication');
  });

  it('R-RN-01: an enterprise application records its fields, the registration number only as a keyed hash and last 4', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'enterprise', { registrationNumber: 'HRB 998877', enterpriseName: 'Acme GmbH' });
    const app = (await loadApplication(applicationId))!;
    expect(app).toMatchObject({
      kind: 'enterprise',
      details: {
        countryRegion: 'DE',
        registeredAddress: '1 Example Street, Berlin',
        enterpriseName: 'Acme GmbH',
        registrationNumberHash: certificateNumberHash('enterprise', 'HRB 998877'),
        registrationNumberLast4: '8877',
      },
    });
    expect(JSON.stringify([app, ...(await itemsOf(keys.accountPartition(account.accountId)))])).not.toContain('998877');
  });

  it('R-RN-03: the application is pending, due three working days out skipping a weekend and a holiday; GET shows it', async () => {
    const account = await activeAccount();
    const body = individualApplication({ materials: await materialsFor(account, 'individual') });
    // Thursday 24 Dec 2026 10:00 UTC; Fri 25 Dec is a configured holiday, then the weekend: Mon, Tue, Wed → Wed 30 Dec.
    // The clock moves only after the uploads (S3 requests are signed with it), and the use cases are called directly
    // (the session would not survive a jump of weeks).
    setClockOffset(0);
    setClockOffset(Date.parse('2026-12-24T10:00:00.000Z') - nowMs());
    const caller = accountCaller(account.accountId);
    const { applicationId, reviewDueBy } = await submitRealNameApplication(caller, body as SubmitInput);
    const { submittedAt } = (await loadApplication(applicationId))!;
    expect(submittedAt.slice(0, 16)).toBe('2026-12-24T10:00');
    // Three working days later at the same time of day.
    expect(reviewDueBy).toBe(`2026-12-30${submittedAt.slice(10)}`);
    expect(await getRealName(caller)).toEqual({
      authStatus: 'pending',
      pendingApplication: {
        applicationId,
        kind: 'individual',
        status: 'pending',
        submittedAt,
        reviewDueBy,
        overdue: false,
      },
    });
    setClockOffset(0);
    const view = await realName(account);
    expect(view.status).toBe(200);
    expect(view.body.pendingApplication).toMatchObject({ applicationId, reviewDueBy });
    const stored = (await findAccount(account.accountId))!;
    expect(stored.authStatus).toBe('pending');
    expect(stored.realNamePending).toEqual({ applicationId, submittedAt, reviewDueBy });
    const rows = queueRowKeys((await loadApplication(applicationId))!);
    const get = async (key: { pk: string; sk: string }) => (await db().send(new GetCommand({ TableName: TABLE(), Key: key }))).Item;
    expect(await get(rows.pending)).toMatchObject({ applicationId, accountId: account.accountId, reviewDueBy });
    expect(await get(rows.due)).toMatchObject({ dueKind: 'realname-review-due', dueSk: `${reviewDueBy}#${applicationId}` });
    expect(await get(keys.realNameAppIndex(account.accountId, applicationId))).toMatchObject({ applicationId, kind: 'individual' });
  });

  it('R-RN-05: a partner-program account is refused as an individual and may apply as an enterprise', async () => {
    const account = await activeAccount();
    await transact([partnerProgramSet(account.accountId)]);
    const refused = await apply(account, individualApplication({ materials: await materialsFor(account, 'individual') }));
    expect(refused.status).toBe(422);
    expect(conditions(refused.body)).toEqual(['partner-program']);
    const enterprise = await apply(account, enterpriseApplication({ materials: await materialsFor(account, 'enterprise') }));
    expect(enterprise.status, JSON.stringify(enterprise.body)).toBe(201);
  });

  it("R-RN-06: a certificate issued in another country, or an enterprise registered elsewhere, than the account's is refused", async () => {
    const account = await activeAccount();
    const individual = await apply(
      account,
      individualApplication({ issuingCountry: 'FR', materials: await materialsFor(account, 'individual') }),
    );
    expect(individual.status).toBe(422);
    expect(conditions(individual.body)).toEqual(['country-mismatch']);
    const enterprise = await apply(
      account,
      enterpriseApplication({ countryRegion: 'FR', materials: await materialsFor(account, 'enterprise') }),
    );
    expect(enterprise.status).toBe(422);
    expect(conditions(enterprise.body)).toEqual(['country-mismatch']);
    expect((await findAccount(account.accountId))!.authStatus).toBe('unauthenticated');
  });

  it('R-AI-05: an enterprise account may not apply as an individual; while pending the account type cannot change', async () => {
    const enterprise = await activeAccount();
    expect((await setAccountType(enterprise, 'enterprise')).status).toBe(200);
    const refused = await apply(enterprise, individualApplication({ materials: await materialsFor(enterprise, 'individual') }));
    expect(refused.status).toBe(422);
    expect(conditions(refused.body)).toEqual(['account-type']);

    const account = await activeAccount();
    await applied(account, 'individual');
    const change = await setAccountType(account, 'enterprise');
    expect(change.status).toBe(422);
  });

  it('one pending application at a time: a second is refused, and of two parallel submissions exactly one is accepted', async () => {
    const account = await activeAccount();
    await applied(account, 'individual');
    const second = await apply(account, enterpriseApplication({ materials: await materialsFor(account, 'enterprise') }));
    expect(second.status).toBe(422);
    expect(conditions(second.body)).toEqual(['application-pending']);

    const racer = await activeAccount();
    const a = await materialsFor(racer, 'individual');
    const b = await materialsFor(racer, 'enterprise');
    const answers = await Promise.all([
      apply(racer, individualApplication({ materials: a })),
      apply(racer, enterpriseApplication({ materials: b })),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422]);
    const loser = answers.find((r) => r.status === 422)!;
    expect(conditions(loser.body)).toEqual(['application-pending']);
    const rows = (await itemsOf(keys.accountPartition(racer.accountId))).filter((i) => String(i.sk).startsWith('REALNAME_APP#'));
    expect(rows).toHaveLength(1);
  });

  it("R-SEC-05: another account's material is refused as material-invalid naming the slot, like a missing or wrong-purpose one", async () => {
    const account = await activeAccount();
    const other = await activeAccount();
    const mine = await materialsFor(account, 'individual');
    const theirs = await verifiedMaterial(other, 'real-name-individual');
    const foreign = await apply(account, individualApplication({ materials: { ...mine, holdingPhoto: theirs } }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.code).toBe('MATERIAL_INVALID');
    expect(foreign.body.failures).toEqual([expect.objectContaining({ condition: 'material-invalid', slot: 'holdingPhoto' })]);
    const missing = await apply(account, individualApplication({ materials: { ...mine, holdingPhoto: 'mat_nothing' } }));
    expect(missing.body.failures).toEqual(foreign.body.failures.map((f: object) => ({ ...f })));
    const wrongPurpose = await apply(
      account,
      enterpriseApplication({ materials: { certificate: await verifiedMaterial(account, 'real-name-individual') } }),
    );
    expect(wrongPurpose.status).toBe(422);
    expect(wrongPurpose.body.failures).toEqual([expect.objectContaining({ condition: 'material-invalid', slot: 'certificate' })]);
    expect((await findAccount(account.accountId))!.realNamePending).toBeUndefined();
  });

  it('bad input is a 400 listing every bad field', async () => {
    const account = await activeAccount();
    const res = await apply(account, {
      kind: 'individual',
      certificateType: 'library-card',
      fullName: '',
      certificateNumber: '!',
      issuingCountry: 'Germany',
      materials: { certificatePage: 'm1' },
    });
    expect(res.status).toBe(400);
    const paths = (res.body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(
      ['body.certificateNumber', 'body.certificateType', 'body.fullName', 'body.issuingCountry', 'body.materials.holdingPhoto'].sort(),
    );
    const unknownKind = await apply(account, { kind: 'pet' });
    expect(unknownKind.status).toBe(400);
  });

  it('R-SEC-04: a submission repeated with the same Idempotency-Key answers the first one and submits nothing more', async () => {
    const account = await activeAccount();
    const body = individualApplication({ materials: await materialsFor(account, 'individual') });
    const first = await apply(account, body, { 'idempotency-key': 'realname-once-1' });
    const again = await apply(account, body, { 'idempotency-key': 'realname-once-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
  });
});
