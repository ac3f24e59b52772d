/**
 * Issue 13 item 7: an operator decides a real-name application (R-RN-03, R-AI-05, R-AI-06, R-RA-01..05): approval
 * authenticates and fixes type and names, rejection names the refused materials so the applicant replaces only those,
 * every decision is audited with the operator and told to the applicant, a decided application cannot be decided
 * again (also when two operators race).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as getAccountHandler } from '../../../functions/accounts/getAccount.js';
import { handler as typeHandler } from '../../../functions/accounts/changeAccountType.js';
import { handler as namesHandler } from '../../../functions/accounts/changeNames.js';
import { findAccount } from '../../../lib/accounts/store.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { loadApplication, loadCertificate, queueRowKeys, realNameState } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { tracesOf } from '../../support/partners.js';
import {
  apply,
  applied,
  approve,
  decideApplication,
  firmDetails,
  individualApplication,
  personDetails,
  realName,
  storedApplication,
  uniqueNumber,
  verifiedMaterial,
} from '../../support/realname.js';

const get = async (key: { pk: string; sk: string }) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item;

describe('decideRealNameApplication (issue 13 item 7)', () => {
  it('R-RN-03 R-AI-05 R-AI-06: an approval authenticates the account, fixes its type and names, is audited with the operator and told to the applicant', async () => {
    const account = await activeAccount();
    const { applicationId, body: sent } = await applied(account, 'individual', { fullName: 'Wang Fang' });
    const body = sent as Record<string, unknown>;
    const res = await approve(applicationId);
    expect(res.body).toEqual({ applicationId, status: 'approved' });

    const app = (await loadApplication(applicationId))!;
    expect(app.status).toBe('approved');
    expect(app.decision).toMatchObject({ status: 'approved', operatorId: 'test' });
    const rows = queueRowKeys(app);
    expect([await get(rows.pending), await get(rows.overdue), await get(rows.due)]).toEqual([undefined, undefined, undefined]);
    const stored = (await findAccount(account.accountId))!;
    expect(stored).toMatchObject({ authStatus: 'authenticated', accountType: 'individual', fullName: 'Wang Fang' });
    expect(stored.realNamePending).toBeUndefined();
    // R-RN-04: the account counts on the certificate number.
    expect(
      (await loadCertificate('individual', app.details && (app.details as { certificateNumberHash: string }).certificateNumberHash))
        .accounts,
    ).toEqual([account.accountId]);

    const view = await realName(account);
    expect(view.body).toMatchObject({
      authStatus: 'authenticated',
      current: { kind: 'individual', fullName: 'Wang Fang', certificateNumberLast4: (body.certificateNumber as string).slice(-4) },
      lastDecision: { applicationId, status: 'approved', reasons: [] },
    });
    expect(JSON.stringify(view.body)).not.toContain('"test"');
    const shown = await invoke(getAccountHandler, { method: 'GET', path: '/v1/account', headers: bearer(account.token) });
    expect(shown.body).toMatchObject({ accountType: 'individual', authStatus: 'authenticated', fullName: 'Wang Fang' });

    // R-AI-05 / R-AI-06: type and names are fixed once authenticated.
    const retype = await invoke(typeHandler, {
      method: 'PUT',
      path: '/v1/account/type',
      headers: bearer(account.token),
      body: { accountType: 'enterprise', name: 'Other GmbH' },
    });
    expect(retype.status).toBe(422);
    const rename = await invoke(namesHandler, {
      method: 'PUT',
      path: '/v1/account/names',
      headers: bearer(account.token),
      body: { fullName: 'Someone Else' },
    });
    expect(rename.status).toBe(422);

    const trace = (await tracesOf(account.accountId)).find((t) => t.traceName === 'decideRealNameApplication')!;
    expect(trace.actor).toBe('operator:test');
    // R-AU-02: values are masked in traces; the fields say what changed.
    expect(trace.changes).toEqual(expect.arrayContaining([{ field: 'realNameApplication', old: 'pe***ng', new: 'ap****ed' }]));
    expect(JSON.stringify(trace)).not.toContain(body.certificateNumber as string);
    const notices = await listRecordedMessages(account.email, 10);
    expect(notices.map((m) => m.kind)).toContain('realname-approved');

    // Decided twice → not-pending.
    const again = await decideApplication(applicationId, { approve: false, reasons: [{ code: 'name-mismatch' }] });
    expect(again.status).toBe(422);
    expect(again.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['not-pending']);
  });

  it('R-RN-03: a rejection names the refused material; the applicant resubmits replacing only that one (the refused one is refused, the others reused)', async () => {
    const account = await activeAccount();
    const { applicationId, body } = await applied(account, 'individual');
    const materials = (body as Record<string, unknown>).materials as { certificatePage: string; holdingPhoto: string };
    const res = await decideApplication(applicationId, {
      approve: false,
      reasons: [
        { code: 'document-unreadable', materialId: materials.holdingPhoto },
        { code: 'other', note: 'Please hold the passport next to your face.' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ applicationId, status: 'rejected' });
    expect((await findAccount(account.accountId))!).toMatchObject({ authStatus: 'unauthenticated' });
    expect((await realName(account)).body).toEqual({
      authStatus: 'none',
      lastDecision: {
        applicationId,
        kind: 'individual',
        status: 'rejected',
        at: expect.any(String),
        reasons: [
          { code: 'document-unreadable', materialId: materials.holdingPhoto, slot: 'holdingPhoto' },
          { code: 'other', note: 'Please hold the passport next to your face.' },
        ],
      },
    });
    const notice = (await listRecordedMessages(account.email, 10)).find((m) => m.kind === 'realname-rejected')!;
    expect(notice.body).toContain('document-unreadable: holdingPhoto');
    expect(notice.body).not.toContain('operator');
    expect(
      (await tracesOf(account.accountId))
        .find((t) => t.traceName === 'decideRealNameApplication')!
        .changes.map((c: { field: string }) => c.field),
    ).toContain('realNameRejectReasons');

    const reused = await apply(account, individualApplication({ materials }));
    expect(reused.status).toBe(422);
    expect(reused.body.failures).toEqual([expect.objectContaining({ condition: 'material-invalid', slot: 'holdingPhoto' })]);
    const holdingPhoto = await verifiedMaterial(account, 'real-name-individual', 'jpg');
    const replaced = await apply(
      account,
      individualApplication({ materials: { certificatePage: materials.certificatePage, holdingPhoto } }),
    );
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
  });

  it('issue 13 item 7: bad decisions answer 400 naming every bad field and change nothing', async () => {
    const account = await activeAccount();
    const app = await storedApplication(account.accountId, 'individual', personDetails(uniqueNumber()), {
      certificatePage: 'mt_a',
      holdingPhoto: 'mt_b',
    });
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ approve: false }, ['body.reasons']],
      [{ approve: false, reasons: [] }, ['body.reasons']],
      [{ approve: true, reasons: [{ code: 'name-mismatch' }] }, ['body.reasons']],
      [
        { approve: false, reasons: [{ code: 'name-mismatch', materialId: 'mt_other' }, { code: 'other' }] },
        ['body.reasons.0.materialId', 'body.reasons.1.note'],
      ],
      [{ approve: false, reasons: [{ code: 'looks-odd' }] }, ['body.reasons.0.code']],
    ];
    for (const [body, paths] of cases) {
      const res = await decideApplication(app.applicationId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort(), JSON.stringify(res.body)).toEqual(paths.sort());
    }
    expect((await loadApplication(app.applicationId))!.status).toBe('pending');
    expect((await decideApplication('ra_unknown', { approve: true })).status).toBe(404);
  });

  it('issue 13 item 7: two operators deciding at once — exactly one decision holds, the other answers not-pending', async () => {
    const account = await activeAccount();
    const app = await storedApplication(account.accountId, 'individual', personDetails(uniqueNumber()), {
      certificatePage: 'mt_a',
      holdingPhoto: 'mt_b',
    });
    const answers = await Promise.all([
      decideApplication(app.applicationId, { approve: true }),
      decideApplication(app.applicationId, { approve: false, reasons: [{ code: 'document-unreadable', materialId: 'mt_a' }] }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
    const loser = answers.find((a) => a.status === 422)!;
    expect(loser.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['not-pending']);
    const winner = answers.find((a) => a.status === 200)!.body.status;
    expect((await loadApplication(app.applicationId))!.status).toBe(winner);
    expect((await realNameState(account.accountId)).lastDecision!.status).toBe(winner);
    expect((await tracesOf(account.accountId)).filter((t) => t.traceName === 'decideRealNameApplication')).toHaveLength(1);
  });

  it('R-RA-01 R-RA-05: an owner change keeps the old authentication until approved; a rejection leaves it in force; an approval moves the certificate slot', async () => {
    const account = await activeAccount();
    const oldNumber = uniqueNumber();
    const first = await storedApplication(account.accountId, 'individual', personDetails(oldNumber, 'Old Owner'), {
      certificatePage: 'mt_a',
      holdingPhoto: 'mt_b',
    });
    await approve(first.applicationId);
    const reauthMaterials = { certificatePage: 'mt_c', holdingPhoto: 'mt_d', oldOwnerCertificatePage: 'mt_e' };
    const newNumber = uniqueNumber();
    const change = await storedApplication(
      account.accountId,
      'individual-owner',
      personDetails(newNumber, 'New Owner'),
      reauthMaterials,
      'mt_form',
    );
    expect((await findAccount(account.accountId))!.authStatus).toBe('authenticated');
    const rejected = await decideApplication(change.applicationId, {
      approve: false,
      reasons: [{ code: 'document-unreadable', materialId: 'mt_form' }],
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect((await findAccount(account.accountId))!).toMatchObject({ authStatus: 'authenticated', fullName: 'Old Owner' });
    const afterReject = await realName(account);
    expect(afterReject.body).toMatchObject({
      authStatus: 'authenticated',
      current: { fullName: 'Old Owner' },
      lastDecision: {
        kind: 'individual-owner',
        reasons: [{ code: 'document-unreadable', materialId: 'mt_form', slot: 'applicationForm' }],
      },
    });

    const again = await storedApplication(
      account.accountId,
      'individual-owner',
      personDetails(newNumber, 'New Owner'),
      reauthMaterials,
      'mt_form2',
    );
    await approve(again.applicationId);
    expect((await findAccount(account.accountId))!).toMatchObject({ authStatus: 'authenticated', fullName: 'New Owner' });
    const state = await realNameState(account.accountId);
    expect(state.current).toMatchObject({ kind: 'individual', applicationId: again.applicationId, submittedAt: again.submittedAt });
    const hashOf = (n: string) => personDetails(n).certificateNumberHash;
    expect((await loadCertificate('individual', hashOf(oldNumber))).accounts).toEqual([]);
    expect((await loadCertificate('individual', hashOf(newNumber))).accounts).toEqual([account.accountId]);
  });

  it('R-RA-02 R-AI-05: individual → enterprise: the account becomes an enterprise, the full name goes, the individual slot is released', async () => {
    const account = await activeAccount();
    const number = uniqueNumber();
    const first = await storedApplication(account.accountId, 'individual', personDetails(number, 'Sole Trader'), {
      certificatePage: 'mt_a',
      holdingPhoto: 'mt_b',
    });
    await approve(first.applicationId);

    const firm = firmDetails(uniqueNumber('HRB'), 'Trader GmbH');
    const change = await storedApplication(account.accountId, 'individual-to-enterprise', firm, { certificate: 'mt_c' }, 'mt_form');
    await approve(change.applicationId);
    const stored = (await findAccount(account.accountId))!;
    expect(stored).toMatchObject({ accountType: 'enterprise', enterpriseName: 'Trader GmbH', authStatus: 'authenticated' });
    expect(stored.fullName).toBeUndefined();
    expect((await loadCertificate('individual', personDetails(number).certificateNumberHash)).accounts).toEqual([]);
    expect((await loadCertificate('enterprise', firm.registrationNumberHash)).accounts).toEqual([account.accountId]);
  });
});
