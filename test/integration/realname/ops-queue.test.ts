/**
 * Issue 13 items 5 and 6: the operators' review queue (R-RN-03: oldest first, each with its due date; opaque
 * cursors) and the application as the reviewer sees it (R-RN-01: numbers by their last 4 only; R-RN-08: materials
 * only through short-lived read links; the reading audited), over the real handlers on DynamoDB Local and s3rver.
 */
import { describe, expect, it } from 'vitest';
import { loadApplication } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { FILES } from '../../support/files.js';
import { bearer } from '../../support/identity.js';
import { tracesOf } from '../../support/partners.js';
import { applied, verifiedMaterial } from '../../support/realname.js';
import { opsApplication, opsQueue, wholeQueue } from '../../support/realname-ops.js';

describe('listRealNameApplications (issue 13 item 5)', () => {
  it('R-RN-03: the pending queue lists applications oldest first, each with its due date, page by page with opaque cursors', async () => {
    const ids: string[] = [];
    for (const kind of ['individual', 'enterprise', 'individual'] as const) {
      const account = await activeAccount();
      const { applicationId, reviewDueBy } = await applied(account, kind);
      ids.push(applicationId);
      expect(reviewDueBy).toMatch(/Z$/);
    }
    const items = await wholeQueue({ status: 'pending' }, 2);
    const mine = items.filter((i) => ids.includes(i.applicationId));
    expect(mine.map((i) => i.applicationId)).toEqual(ids);
    // The whole queue is in submission order, and each item says what the reviewer needs and nothing more.
    const times = items.map((i) => `${i.submittedAt}#${i.applicationId}`);
    expect(times).toEqual([...times].sort());
    const first = (await loadApplication(ids[0]!))!;
    expect(mine[0]).toEqual({
      applicationId: first.applicationId,
      accountId: first.accountId,
      kind: 'individual',
      submittedAt: first.submittedAt,
      reviewDueBy: first.reviewDueBy,
      overdue: false,
    });
    expect(mine[1]!.kind).toBe('enterprise');
    // The default status is pending.
    const byDefault = await opsQueue({ limit: '100' });
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.items.map((i: { applicationId: string }) => i.applicationId)).toEqual(
      items.slice(0, 100).map((i) => i.applicationId),
    );
  });

  it('R-RN-03: a withdrawn application leaves the queue', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'individual');
    const { withdraw } = await import('../../support/realname.js');
    expect((await withdraw(account, applicationId)).status).toBe(200);
    expect((await wholeQueue({ status: 'pending' }, 50)).map((i) => i.applicationId)).not.toContain(applicationId);
  });

  it('R-RN-03: a bad status, a made-up, edited or borrowed cursor, and a bad limit answer 400 naming the field', async () => {
    const account = await activeAccount();
    await applied(account, 'individual');
    await applied(await activeAccount(), 'enterprise');
    const page = await opsQueue({ status: 'pending', limit: '1' });
    expect(page.status).toBe(200);
    const cursor = page.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('REALNAME');
    const edited = `${cursor.slice(0, -2)}${cursor.endsWith('A') ? 'BB' : 'AA'}`;
    const cases: Array<[Record<string, string>, string]> = [
      [{ status: 'approved' }, 'query.status'],
      [{ status: 'pending', overdueFirst: 'yes' }, 'query.overdueFirst'],
      [{ status: 'pending', cursor: 'not-a-cursor' }, 'query.cursor'],
      [{ status: 'pending', cursor: edited }, 'query.cursor'],
      // A cursor of one list is no position in another.
      [{ status: 'overdue', cursor }, 'query.cursor'],
      [{ status: 'pending', overdueFirst: 'true', cursor }, 'query.cursor'],
      [{ status: 'pending', limit: '0' }, 'query.limit'],
    ];
    for (const [query, field] of cases) {
      const res = await opsQueue(query);
      expect(res.status, JSON.stringify([query, res.body])).toBe(400);
      expect(JSON.stringify(res.body.errors ?? res.body)).toContain(field);
    }
    expect((await opsQueue({ status: 'pending', limit: '1', cursor })).status).toBe(200);
  });

  it('R-SEC-05: a customer session, even an applicant’s, gets 401 on the queue like on other operator routes', async () => {
    const account = await activeAccount();
    await applied(account, 'individual');
    const res = await opsQueue({ status: 'pending' }, bearer(account.token));
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain(account.accountId);
  });
});

describe('getRealNameApplication (issue 13 item 6)', () => {
  it('R-RN-08: the reviewer gets every material through a short-lived presigned link that serves its bytes', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'individual');
    const app = (await loadApplication(applicationId))!;
    const res = await opsApplication(applicationId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.materials.map((m: { slot: string }) => m.slot).sort()).toEqual(['certificatePage', 'holdingPhoto']);
    const fixture: Record<string, Buffer> = { certificatePage: FILES.png, holdingPhoto: FILES.jpg };
    for (const m of res.body.materials) {
      expect(m).toMatchObject({ materialId: app.materials[m.slot], available: true, purpose: 'real-name-individual' });
      expect(m.fileType).toBe(m.slot === 'certificatePage' ? 'png' : 'jpg');
      // Presigned for realNameConfig.readLinkSeconds (300 s) only.
      expect(new URL(m.readUrl).searchParams.get('X-Amz-Expires')).toBe('300');
      expect(Date.parse(m.readUrlExpiresAt)).toBeGreaterThan(Date.parse(app.submittedAt));
      const got = await fetch(m.readUrl);
      expect(got.status).toBe(200);
      expect(Buffer.from(await got.arrayBuffer()).equals(fixture[m.slot]!)).toBe(true);
    }
  });

  it('R-RN-01: the application shows the details with the last 4 characters of the number, never the number or its hash', async () => {
    const account = await activeAccount();
    const number = 'E98-765 4321';
    const { applicationId } = await applied(account, 'individual', { certificateNumber: number, fullName: 'Wang Fang' });
    const app = (await loadApplication(applicationId))!;
    const res = await opsApplication(applicationId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      applicationId,
      accountId: account.accountId,
      kind: 'individual',
      status: 'pending',
      submittedAt: app.submittedAt,
      reviewDueBy: app.reviewDueBy,
      overdue: false,
      details: { certificateType: 'passport', fullName: 'Wang Fang', issuingCountry: 'DE', certificateNumberLast4: '4321' },
    });
    expect(res.body.decision).toBeUndefined();
    const text = JSON.stringify(res.body);
    const hash = (app.details as { certificateNumberHash: string }).certificateNumberHash;
    for (const secret of [hash, 'E98765', '98-765', 'certificateNumberHash', 'registrationNumberHash']) expect(text).not.toContain(secret);

    const enterprise = await activeAccount();
    const ent = await applied(enterprise, 'enterprise', { registrationNumber: 'HRB 55 66 77' });
    const entApp = (await loadApplication(ent.applicationId))!;
    const entView = await opsApplication(ent.applicationId);
    expect(entView.body.details).toMatchObject({ registrationNumberLast4: '6677', countryRegion: 'DE' });
    expect(JSON.stringify(entView.body)).not.toContain((entApp.details as { registrationNumberHash: string }).registrationNumberHash);
    expect(JSON.stringify(entView.body)).not.toContain('556677');
  });

  it('R-RN-08: reading an application is audited on the applicant’s traces with the operator as actor (viewRealNameApplication)', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'enterprise');
    expect((await opsApplication(applicationId)).status).toBe(200);
    const views = (await tracesOf(account.accountId)).filter((t) => t.traceName === 'viewRealNameApplication');
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ result: 'success', resourceType: 'accountCenter' });
    expect(views[0]!.actor).toMatch(/^operator:/);
  });

  it('R-SEC-05: an unknown application answers 404; a customer session, even the applicant’s, gets 401', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'individual');
    const unknown = await opsApplication(`${applicationId.slice(0, -6)}zzzzzz`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const own = await opsApplication(applicationId, bearer(account.token));
    expect(own.status).toBe(401);
    expect(JSON.stringify(own.body)).not.toContain('Li Lei');
    expect((await tracesOf(account.accountId)).filter((t) => t.traceName === 'viewRealNameApplication')).toHaveLength(0);
  });

  it('R-RN-08: an application form (reauth-form) is listed as slot applicationForm with its link', async () => {
    const account = await activeAccount();
    const { applicationId } = await applied(account, 'enterprise');
    const form = await verifiedMaterial(account, 'reauth-form', 'pdf');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { TABLE, db } = await import('../../../lib/core/store/table.js');
    const keys = await import('../../../lib/core/store/key-builders.js');
    // The re-authentication kinds carry a form (another helper's submission); written here directly.
    await db().send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: keys.realNameApplication(applicationId),
        UpdateExpression: 'SET applicationForm = :f',
        ExpressionAttributeValues: { ':f': form },
      }),
    );
    const res = await opsApplication(applicationId);
    const slot = res.body.materials.find((m: { slot: string }) => m.slot === 'applicationForm');
    expect(slot).toMatchObject({ materialId: form, available: true, purpose: 'reauth-form', fileType: 'pdf' });
    expect(Buffer.from(await (await fetch(slot.readUrl)).arrayBuffer()).equals(FILES.pdf)).toBe(true);
  });
});
