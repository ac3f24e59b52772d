/**
 * Issue 13: real-name applications for tests, through the real handlers — verified materials uploaded to the
 * presigned target on s3rver, application bodies with unique numbers, submit / view / withdraw.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { handler as completeHandler } from '../../functions/materials/completeMaterial.js';
import { handler as declareHandler } from '../../functions/materials/declareMaterial.js';
import { handler as decideHandler } from '../../functions/realname/decideRealNameApplication.js';
import { handler as getHandler } from '../../functions/realname/getRealName.js';
import { handler as submitHandler } from '../../functions/realname/submitRealNameApplication.js';
import { handler as reauthHandler } from '../../functions/realname/submitReauthentication.js';
import { handler as withdrawHandler } from '../../functions/realname/withdrawRealNameApplication.js';
import { loadAccount } from '../../lib/accounts/store.js';
import { now, nowIso } from '../../lib/core/clock.js';
import { newId } from '../../lib/core/crypto.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { TABLE } from '../../lib/core/store/table.js';
import { transact } from '../../lib/core/store/writes.js';
import {
  type ApplicationKind,
  type EnterpriseDetails,
  type IndividualDetails,
  type RealNameApplication,
  last4,
} from '../../lib/realname/model.js';
import { REAUTH_SPECS, type ReauthKind } from '../../lib/realname/reauth-rules.js';
import { certificateClaim, certificateNumberHash, submitWrites } from '../../lib/realname/store.js';
import { reviewDueBy } from '../../lib/realname/submission.js';
import { FILES } from './files.js';
import { invoke } from './http.js';
import { bearer } from './identity.js';
import { putToTarget } from './upload.js';

export { OPS } from './partners.js';
const OPS_HEADERS = { 'x-operator-key': 'test-operator-key' };

type Session = { token: string };
export type Purpose = 'real-name-individual' | 'real-name-enterprise' | 'reauth-form';
export type Fixture = 'png' | 'jpg' | 'pdf' | 'bmp' | 'gif';

const CONTENT_TYPE: Record<Fixture, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  pdf: 'application/pdf',
  bmp: 'image/bmp',
  gif: 'image/gif',
};

/** Declares, uploads (presigned target on s3rver) and completes a material of `purpose`; returns its materialId. */
export async function verifiedMaterial(session: Session, purpose: Purpose, fixture: Fixture = 'png'): Promise<string> {
  const bytes = FILES[fixture];
  const declared = await invoke(declareHandler, {
    method: 'POST',
    path: '/v1/materials',
    headers: bearer(session.token),
    body: { purpose, fileName: `scan.${fixture}`, contentType: CONTENT_TYPE[fixture], sizeBytes: bytes.length },
  });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  const uploaded = await putToTarget(declared.body.upload as { url: string; headers: Record<string, string> }, bytes);
  expect(uploaded.status).toBe(200);
  const materialId = declared.body.materialId as string;
  const done = await invoke(completeHandler, {
    method: 'POST',
    path: `/v1/materials/${materialId}/complete`,
    pathParameters: { materialId },
    headers: bearer(session.token),
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return materialId;
}

/** A certificate number nobody else uses (so R-RN-04's counter never interferes between tests). */
export const uniqueNumber = (prefix = 'C') => `${prefix}${randomBytes(6).toString('hex').toUpperCase()}`;

/** An individual application body (country DE like the test accounts); materials must be given or added. */
export function individualApplication(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'individual',
    certificateType: 'passport',
    fullName: 'Li Lei',
    certificateNumber: uniqueNumber('P'),
    issuingCountry: 'DE',
    ...overrides,
  };
}

/** An enterprise application body (registered in DE). */
export function enterpriseApplication(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'enterprise',
    countryRegion: 'DE',
    registeredAddress: '1 Example Street, Berlin',
    enterpriseName: `Example GmbH ${randomBytes(3).toString('hex')}`,
    registrationNumber: uniqueNumber('HRB'),
    ...overrides,
  };
}

/** Verified materials for the slots of a first authentication of `kind`. */
export async function materialsFor(session: Session, kind: 'individual' | 'enterprise'): Promise<Record<string, string>> {
  if (kind === 'individual') {
    // One after the other: s3rver's DELETE of two objects at once sometimes answers 500 (see the report).
    const certificatePage = await verifiedMaterial(session, 'real-name-individual', 'png');
    const holdingPhoto = await verifiedMaterial(session, 'real-name-individual', 'jpg');
    return { certificatePage, holdingPhoto };
  }
  return { certificate: await verifiedMaterial(session, 'real-name-enterprise', 'png') };
}

/** POST /v1/real-name/applications (the raw answer). */
export function apply(session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return invoke(submitHandler, {
    method: 'POST',
    path: '/v1/real-name/applications',
    headers: { ...bearer(session.token), ...headers },
    body,
  });
}

/** A pending application of `kind` with fresh materials; returns the answer's body. */
export async function applied(session: Session, kind: 'individual' | 'enterprise' = 'individual', overrides: Record<string, unknown> = {}) {
  const materials = await materialsFor(session, kind);
  const body =
    kind === 'individual' ? individualApplication({ materials, ...overrides }) : enterpriseApplication({ materials, ...overrides });
  const res = await apply(session, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...(res.body as { applicationId: string; status: string; reviewDueBy: string }), body };
}

/** GET /v1/real-name (the raw answer). */
export function realName(session: Session) {
  return invoke(getHandler, { method: 'GET', path: '/v1/real-name', headers: bearer(session.token) });
}

/** DELETE /v1/real-name/applications/{id} (the raw answer). */
export function withdraw(session: Session, applicationId: string) {
  return invoke(withdrawHandler, {
    method: 'DELETE',
    path: `/v1/real-name/applications/${applicationId}`,
    pathParameters: { applicationId },
    headers: bearer(session.token),
  });
}

/**
 * TEST FIXTURE (the decision is not on this branch): puts the account into the authenticated state an approval
 * leaves — the REALNAME state `current`, the account item's authStatus / accountType / name / realNameCertificate,
 * and its slot on the certificate counter (R-RN-04). Numbers are given raw and stored as keyed hash + last 4.
 */
export async function authenticatedAs(
  accountId: string,
  kind: 'individual' | 'enterprise',
  given: { name?: string; number?: string; countryRegion?: string } = {},
) {
  const number = given.number ?? uniqueNumber(kind === 'individual' ? 'P' : 'HRB');
  const name = given.name ?? (kind === 'individual' ? 'Li Lei' : `Example GmbH ${randomBytes(3).toString('hex')}`);
  const hash = certificateNumberHash(kind, number);
  const details =
    kind === 'individual'
      ? {
          certificateType: 'passport' as const,
          fullName: name,
          issuingCountry: given.countryRegion ?? 'DE',
          certificateNumberHash: hash,
          certificateNumberLast4: last4(number),
        }
      : {
          countryRegion: given.countryRegion ?? 'DE',
          registeredAddress: '1 Example Street, Berlin',
          enterpriseName: name,
          registrationNumberHash: hash,
          registrationNumberLast4: last4(number),
        };
  const at = nowIso();
  await transact([
    {
      Put: {
        TableName: TABLE(),
        Item: {
          ...keys.realNameState(accountId),
          accountId,
          current: { kind, details, applicationId: `ra_fixture_${randomBytes(4).toString('hex')}`, approvedAt: at, submittedAt: at },
          ...(kind === 'enterprise' ? { firstEnterpriseAuthAt: at } : {}),
          version: 1,
        },
      },
    },
    {
      Update: {
        TableName: TABLE(),
        Key: keys.account(accountId),
        UpdateExpression: `SET authStatus = :auth, accountType = :type, #name = :name, realNameCertificate = :cert, version = version + :one REMOVE #other`,
        ExpressionAttributeNames: {
          '#name': kind === 'individual' ? 'fullName' : 'enterpriseName',
          '#other': kind === 'individual' ? 'enterpriseName' : 'fullName',
        },
        ExpressionAttributeValues: { ':auth': 'authenticated', ':type': kind, ':name': name, ':cert': { kind, hash }, ':one': 1 },
      },
    },
    certificateClaim(kind, hash, accountId),
  ]);
  return { number, name, hash, details };
}

/** POST /v1/real-name/reauthentications (the raw answer). */
export function reauthenticate(session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return invoke(reauthHandler, {
    method: 'POST',
    path: '/v1/real-name/reauthentications',
    headers: { ...bearer(session.token), ...headers },
    body,
  });
}

/** Verified materials for every slot of a re-authentication kind (optional ones included), and its form. */
export async function reauthMaterialsFor(session: Session, kind: ReauthKind, formFixture: Fixture = 'pdf') {
  const materials: Record<string, string> = {};
  // One after the other (s3rver, see materialsFor).
  for (const s of REAUTH_SPECS[kind].slots)
    materials[s.slot] = await verifiedMaterial(session, s.purpose, s.purpose === 'reauth-form' ? 'pdf' : 'png');
  const applicationForm = await verifiedMaterial(session, 'reauth-form', formFixture);
  return { materials, applicationForm };
}
/** POST /v1/ops/real-name/applications/{id}/decision as the test operator (the raw answer). */
export function decideApplication(applicationId: string, body: Record<string, unknown>) {
  return invoke(decideHandler, {
    method: 'POST',
    path: `/v1/ops/real-name/applications/${applicationId}/decision`,
    pathParameters: { applicationId },
    headers: OPS_HEADERS,
    body,
  });
}

/** Approves the application; expects 200. */
export async function approve(applicationId: string) {
  const res = await decideApplication(applicationId, { approve: true });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
}

/** Individual details with the number's keyed hash (for applications written through the store). */
export function personDetails(number: string, fullName = 'Li Lei'): IndividualDetails {
  return {
    certificateType: 'passport',
    fullName,
    issuingCountry: 'DE',
    certificateNumberHash: certificateNumberHash('individual', number),
    certificateNumberLast4: last4(number),
  };
}

/** Enterprise details with the number's keyed hash. */
export function firmDetails(number: string, enterpriseName: string): EnterpriseDetails {
  return {
    countryRegion: 'DE',
    registeredAddress: '1 Example Street, Berlin',
    enterpriseName,
    registrationNumberHash: certificateNumberHash('enterprise', number),
    registrationNumberLast4: last4(number),
  };
}

/**
 * A pending application of any of the six kinds written through the foundation's submit writes (no uploads: the
 * decision does not read the materials) — quick, and the way to get re-authentication kinds before their route.
 */
export async function storedApplication(
  accountId: string,
  kind: ApplicationKind,
  details: IndividualDetails | EnterpriseDetails,
  materials: Record<string, string> = { certificate: newId('mt_') },
  applicationForm?: string,
): Promise<RealNameApplication> {
  const account = await loadAccount(accountId);
  const at = now();
  const applicationId = newId('ra_');
  const app: RealNameApplication = {
    ...keys.realNameApplication(applicationId),
    applicationId,
    accountId,
    kind,
    status: 'pending',
    submittedAt: at.toISOString(),
    reviewDueBy: reviewDueBy(at),
    details,
    materials,
    ...(applicationForm ? { applicationForm } : {}),
    version: 1,
  };
  await transact(submitWrites(app, account));
  return app;
}
