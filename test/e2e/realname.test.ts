/**
 * Issue 13 (e2e): real-name authentication, operator review and re-authentication over HTTP on the local stage, every
 * answer checked against the served OpenAPI document (test/support/http.ts `call`). One story, step by step: the
 * customer uploads its materials through the presigned target on s3rver → applies as an individual → the operators'
 * queue lists it oldest first with its due date → the operator opens it (read links serve the bytes) → rejects it
 * naming one material → the customer sees why, resubmits replacing only that one → approved: authenticated, type and
 * name fixed → an owner change is pending while the old data stays in force → approved: the new owner is shown →
 * the notices and the records.
 */
import { describe, expect, it } from 'vitest';
import { messages, signUpOverHttp, uniqueE2eEmail } from '../support/e2e.js';
import { FILES } from '../support/files.js';
import { call } from '../support/http.js';
import { putToTarget, readFromLink } from '../support/upload.js';

const OPS = { 'x-operator-key': 'local-operator-key' };
type Fixture = 'png' | 'jpg' | 'pdf';
const CONTENT_TYPE: Record<Fixture, string> = { png: 'image/png', jpg: 'image/jpeg', pdf: 'application/pdf' };
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);
const kinds = async (email: string) => (await messages(email)).map((m) => m.kind);

async function activeAccount(tag: string) {
  const account = await signUpOverHttp(uniqueE2eEmail(tag));
  expect((await call('POST', '/v1/account/enable', { token: account.token, body: { acceptAgreements: true } })).status).toBe(200);
  return account;
}
type Account = Awaited<ReturnType<typeof activeAccount>>;

/** The client's upload: declare → PUT the bytes to `upload.url` with `upload.headers` (s3rver) → complete. */
async function upload(account: Account, purpose: string, fixture: Fixture) {
  const bytes = FILES[fixture];
  const declared = await call('POST', '/v1/materials', {
    token: account.token,
    body: { purpose, fileName: `scan.${fixture}`, contentType: CONTENT_TYPE[fixture], sizeBytes: bytes.length },
  });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  const put = await putToTarget(declared.body.upload, bytes);
  expect(put.status, put.text).toBe(200);
  const done = await call('POST', `/v1/materials/${declared.body.materialId}/complete`, { token: account.token });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body).toMatchObject({ status: 'verified', fileType: fixture });
  return declared.body.materialId as string;
}

/** A certificate number nobody else uses in this stage (R-RN-04's counter never interferes). */
const uniqueNumber = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10).toUpperCase()}`;

async function queue() {
  const res = await call('GET', '/v1/ops/real-name/applications?status=pending&limit=100', { headers: OPS });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Array<{ applicationId: string; accountId: string; kind: string; submittedAt: string; reviewDueBy: string }>;
}

describe('real-name authentication, review and re-authentication over HTTP on the local stage (issue 13)', () => {
  let applicant: Account;
  let earlier: Account;
  let earlierId: string;
  let firstId: string;
  let secondId: string;
  let ownerChangeId: string;
  let materials: { certificatePage: string; holdingPhoto: string };
  const number = uniqueNumber('P');
  /** The applicant's individual details (every submission of the story names the same person and number). */
  const liLei = () => ({
    kind: 'individual',
    certificateType: 'passport',
    fullName: 'Li Lei',
    certificateNumber: number,
    issuingCountry: 'DE',
  });

  it('R-RN-01 R-RN-02: materials upload through the presigned target on s3rver and the individual application is pending with its review due date', async () => {
    // Another customer applies first (the queue's order is checked against it).
    earlier = await activeAccount('rn-earlier');
    const earlierMaterials = {
      certificatePage: await upload(earlier, 'real-name-individual', 'png'),
      holdingPhoto: await upload(earlier, 'real-name-individual', 'jpg'),
    };
    const first = await call('POST', '/v1/real-name/applications', {
      token: earlier.token,
      body: {
        kind: 'individual',
        certificateType: 'passport',
        fullName: 'Zhang Wei',
        certificateNumber: uniqueNumber('P'),
        issuingCountry: 'DE',
        materials: earlierMaterials,
      },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    earlierId = first.body.applicationId;

    applicant = await activeAccount('rn-applicant');
    // One after the other (s3rver and two completions at once, see test/support/realname.ts).
    materials = {
      certificatePage: await upload(applicant, 'real-name-individual', 'png'),
      holdingPhoto: await upload(applicant, 'real-name-individual', 'jpg'),
    };
    const applied = await call('POST', '/v1/real-name/applications', {
      token: applicant.token,
      body: { ...liLei(), materials },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ status: 'pending', reviewDueBy: expect.any(String) });
    firstId = applied.body.applicationId;
    // One pending application at a time.
    const twice = await call('POST', '/v1/real-name/applications', {
      token: applicant.token,
      body: { ...liLei(), materials },
    });
    expect(twice.status).toBe(422);
    expect(conditions(twice.body)).toContain('application-pending');
    const mine = await call('GET', '/v1/real-name', { token: applicant.token });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      authStatus: 'pending',
      pendingApplication: { applicationId: firstId, kind: 'individual', status: 'pending', reviewDueBy: applied.body.reviewDueBy },
    });
    const account = await call('GET', '/v1/account', { token: applicant.token });
    expect(account.body.authStatus).toBe('pending');
  });

  it('R-RN-03: the operators’ queue lists pending applications oldest first, each with its reviewDueBy (3 working days)', async () => {
    const items = await queue();
    const submitted = items.map((i) => i.submittedAt);
    expect(submitted).toEqual([...submitted].sort());
    const ids = items.map((i) => i.applicationId);
    expect(ids.indexOf(earlierId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(earlierId)).toBeLessThan(ids.indexOf(firstId));
    const row = items.find((i) => i.applicationId === firstId)!;
    expect(row).toMatchObject({ accountId: applicant.accountId, kind: 'individual' });
    const days = (Date.parse(row.reviewDueBy) - Date.parse(row.submittedAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3);
    // Customers never see the queue.
    expect((await call('GET', '/v1/ops/real-name/applications?status=pending', { token: applicant.token })).status).toBe(401);
  });

  it('R-RN-08 R-RN-01: the operator opens the application; short-lived read links serve the uploaded bytes; numbers show their last 4 only', async () => {
    const opened = await call('GET', `/v1/ops/real-name/applications/${firstId}`, { headers: OPS });
    const stageNow = (await call('GET', '/local/clock')).body.now as string; // read after: links expire ≤ 300 s from it
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({ applicationId: firstId, accountId: applicant.accountId, status: 'pending' });
    expect(opened.body.details).toMatchObject({ fullName: 'Li Lei', certificateNumberLast4: number.slice(-4) });
    expect(JSON.stringify(opened.body)).not.toContain(number);
    expect(JSON.stringify(opened.body)).not.toContain('Hash');
    const bySlot = new Map(
      (opened.body.materials as Array<{ slot: string; materialId: string; readUrl: string; readUrlExpiresAt: string }>).map((m) => [
        m.slot,
        m,
      ]),
    );
    for (const [slot, fixture] of [
      ['certificatePage', 'png'],
      ['holdingPhoto', 'jpg'],
    ] as const) {
      const m = bySlot.get(slot)!;
      expect(m.materialId).toBe(materials[slot]);
      // Short-lived: 300 s (realNameConfig.readLinkSeconds) from the stage's own clock.
      expect(Date.parse(m.readUrlExpiresAt) - Date.parse(stageNow)).toBeLessThanOrEqual(300_000);
      expect(Date.parse(m.readUrlExpiresAt)).toBeGreaterThan(Date.parse(stageNow));
      const read = await readFromLink(m.readUrl);
      expect(read.status).toBe(200);
      expect(read.bytes.equals(FILES[fixture])).toBe(true);
    }
  });

  it('R-RN-03: the operator rejects with a reason naming one material (document-unreadable, the holding photo)', async () => {
    const noReason = await call('POST', `/v1/ops/real-name/applications/${firstId}/decision`, { headers: OPS, body: { approve: false } });
    expect(noReason.status).toBe(400);
    const rejected = await call('POST', `/v1/ops/real-name/applications/${firstId}/decision`, {
      headers: OPS,
      body: { approve: false, reasons: [{ code: 'document-unreadable', materialId: materials.holdingPhoto, note: 'Blurred' }] },
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    expect(rejected.body).toMatchObject({ applicationId: firstId, status: 'rejected' });
    expect((await queue()).map((i) => i.applicationId)).not.toContain(firstId);
  });

  it('R-RN-03: GET /v1/real-name shows the last decision with the refused material and its slot, never the operator', async () => {
    const mine = await call('GET', '/v1/real-name', { token: applicant.token });
    expect(mine.status).toBe(200);
    expect(mine.body.authStatus).toBe('none');
    expect(mine.body.pendingApplication).toBeUndefined();
    expect(mine.body.lastDecision).toMatchObject({
      applicationId: firstId,
      kind: 'individual',
      status: 'rejected',
      reasons: [{ code: 'document-unreadable', materialId: materials.holdingPhoto, slot: 'holdingPhoto', note: 'Blurred' }],
    });
    expect(JSON.stringify(mine.body)).not.toContain('local');
    expect((await call('GET', '/v1/account', { token: applicant.token })).body.authStatus).toBe('unauthenticated');
  });

  it('R-RN-03: the resubmission must replace the refused material (422 naming its slot) and may reuse the others', async () => {
    const body = liLei();
    const reused = await call('POST', '/v1/real-name/applications', { token: applicant.token, body: { ...body, materials } });
    expect(reused.status, JSON.stringify(reused.body)).toBe(422);
    expect(reused.body.code).toBe('MATERIAL_INVALID');
    expect(reused.body.failures.map((f: { slot?: string }) => f.slot)).toEqual(['holdingPhoto']);
    const holdingPhoto = await upload(applicant, 'real-name-individual', 'jpg');
    const again = await call('POST', '/v1/real-name/applications', {
      token: applicant.token,
      body: { ...body, materials: { certificatePage: materials.certificatePage, holdingPhoto } },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    secondId = again.body.applicationId;
    expect(secondId).not.toBe(firstId);
  });

  it('R-RN-03 R-AI-05 R-AI-06: approved — authenticated; GET /v1/account shows the name, and type and name are fixed', async () => {
    const approved = await call('POST', `/v1/ops/real-name/applications/${secondId}/decision`, { headers: OPS, body: { approve: true } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
    const twice = await call('POST', `/v1/ops/real-name/applications/${secondId}/decision`, { headers: OPS, body: { approve: true } });
    expect(twice.status).toBe(422);
    expect(conditions(twice.body)).toContain('not-pending');

    const mine = await call('GET', '/v1/real-name', { token: applicant.token });
    expect(mine.body).toMatchObject({
      authStatus: 'authenticated',
      current: { kind: 'individual', fullName: 'Li Lei', certificateType: 'passport', certificateNumberLast4: number.slice(-4) },
      lastDecision: { applicationId: secondId, status: 'approved' },
    });
    const account = await call('GET', '/v1/account', { token: applicant.token });
    expect(account.body).toMatchObject({ authStatus: 'authenticated', accountType: 'individual', fullName: 'Li Lei' });
    const retype = await call('PUT', '/v1/account/type', {
      token: applicant.token,
      body: { accountType: 'enterprise', name: 'Other GmbH' },
    });
    expect(retype.status).toBe(422);
    const rename = await call('PUT', '/v1/account/names', { token: applicant.token, body: { fullName: 'Someone Else' } });
    expect(rename.status).toBe(422);
    // A first application is no longer possible: re-authentication is the way.
    const reapply = await call('POST', '/v1/real-name/applications', {
      token: applicant.token,
      body: { ...liLei(), materials },
    });
    expect(reapply.status).toBe(422);
    expect(conditions(reapply.body)).toContain('already-authenticated');
  });

  it('R-RA-01 R-RA-05: the owner change (application form PDF) is pending; the old authentication stays in force and is what every view shows', async () => {
    const newOwner = {
      certificatePage: await upload(applicant, 'real-name-individual', 'png'),
      holdingPhoto: await upload(applicant, 'real-name-individual', 'jpg'),
      previousOwnerCertificate: await upload(applicant, 'real-name-individual', 'png'),
    };
    const pngForm = await upload(applicant, 'reauth-form', 'png');
    const body = {
      kind: 'individual-owner',
      certificateType: 'passport',
      fullName: 'Han Meimei',
      certificateNumber: uniqueNumber('P'),
      issuingCountry: 'DE',
      materials: newOwner,
    };
    // R-RA-01: the application form must be a PDF.
    const notPdf = await call('POST', '/v1/real-name/reauthentications', {
      token: applicant.token,
      body: { ...body, applicationForm: pngForm },
    });
    expect(notPdf.status, JSON.stringify(notPdf.body)).toBe(422);
    expect(notPdf.body.failures.map((f: { slot?: string }) => f.slot)).toContain('applicationForm');
    const applicationForm = await upload(applicant, 'reauth-form', 'pdf');
    const changed = await call('POST', '/v1/real-name/reauthentications', { token: applicant.token, body: { ...body, applicationForm } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(201);
    expect(changed.body).toMatchObject({ status: 'pending', reviewDueBy: expect.any(String) });
    ownerChangeId = changed.body.applicationId;

    const mine = await call('GET', '/v1/real-name', { token: applicant.token });
    expect(mine.body).toMatchObject({
      authStatus: 'authenticated',
      current: { kind: 'individual', fullName: 'Li Lei' },
      pendingApplication: { applicationId: ownerChangeId, kind: 'individual-owner', status: 'pending', submittedAt: expect.any(String) },
    });
    const account = await call('GET', '/v1/account', { token: applicant.token });
    expect(account.body).toMatchObject({ authStatus: 'authenticated', accountType: 'individual', fullName: 'Li Lei' });
    const opened = await call('GET', `/v1/ops/real-name/applications/${ownerChangeId}`, { headers: OPS });
    expect(opened.status).toBe(200);
    expect(opened.body.kind).toBe('individual-owner');
    expect((opened.body.materials as Array<{ slot: string }>).map((m) => m.slot).sort()).toEqual(
      ['applicationForm', 'certificatePage', 'holdingPhoto', 'previousOwnerCertificate'].sort(),
    );
  });

  it('R-RA-01 R-RA-05: the owner change is approved — the new owner is what every view shows', async () => {
    const approved = await call('POST', `/v1/ops/real-name/applications/${ownerChangeId}/decision`, {
      headers: OPS,
      body: { approve: true },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const mine = await call('GET', '/v1/real-name', { token: applicant.token });
    expect(mine.body).toMatchObject({
      authStatus: 'authenticated',
      current: { kind: 'individual', fullName: 'Han Meimei' },
      lastDecision: { applicationId: ownerChangeId, kind: 'individual-owner', status: 'approved' },
    });
    expect(mine.body.pendingApplication).toBeUndefined();
    const account = await call('GET', '/v1/account', { token: applicant.token });
    expect(account.body).toMatchObject({ authStatus: 'authenticated', accountType: 'individual', fullName: 'Han Meimei' });
  });

  it('R-RN-03: the other applicant withdraws its pending application; it leaves the queue', async () => {
    const withdrawn = await call('DELETE', `/v1/real-name/applications/${earlierId}`, { token: earlier.token });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    // Another account's application is not found (never a hint it exists).
    expect((await call('DELETE', `/v1/real-name/applications/${earlierId}`, { token: applicant.token })).status).toBe(404);
    expect((await queue()).map((i) => i.applicationId)).not.toContain(earlierId);
    expect((await call('GET', '/v1/real-name', { token: earlier.token })).body.authStatus).toBe('none');
  });

  it('R-RN-03 R-RA-01: the applicant was told each decision (message sink), the refused slot named, no operator ID', async () => {
    const told = (await messages(applicant.email)).filter((m) => m.kind.startsWith('realname-'));
    expect(told.filter((m) => m.kind === 'realname-rejected')).toHaveLength(1);
    expect(told.filter((m) => m.kind === 'realname-approved')).toHaveLength(2);
    const rejected = told.find((m) => m.kind === 'realname-rejected')!;
    expect(rejected.body).toContain('document-unreadable');
    expect(rejected.body).toContain('holdingPhoto');
    for (const m of told) expect(m.body).not.toContain('operator:');
    expect(await kinds(applicant.email)).toContain('realname-approved');
  });

  it('R-RA-01 R-AU-01 R-AU-02: the audit records — the owner change (changeIndividualAuthInfo), the submissions, and the decisions by "operator" with no operator ID', async () => {
    const traces = async (traceName: string) => {
      const res = await call('GET', `/v1/audit/traces?traceName=${traceName}&limit=50`, { token: applicant.token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items as Array<{ traceName: string; actor?: string; sourceIp: string; result: string }>;
    };
    expect(await traces('changeIndividualAuthInfo')).toHaveLength(1);
    expect((await traces('submitRealNameApplication')).filter((t) => t.result === 'success')).toHaveLength(2);
    const decisions = await traces('decideRealNameApplication');
    expect(decisions).toHaveLength(3);
    for (const d of decisions) {
      expect(d.actor).toBe('operator');
      expect(d.sourceIp).toBe('operator');
    }
    const views = await traces('viewRealNameApplication');
    expect(views.length).toBeGreaterThanOrEqual(2);
    for (const v of views) expect(v.actor).toBe('operator');
  });
});
