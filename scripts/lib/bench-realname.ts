/**
 * Issue 13 (the real-name operations with their SDK calls listed in the bench): one run of every real-name operation,
 * in process, through its handler, recorded under its operationId; and the scheduler's overdue marking (R-RN-03).
 * The flow is that of test/integration/realname/sdk-calls.test.ts (same order, same state before each counted call),
 * so the counts here are the counts that test pins. Materials are uploaded to s3rver through the presigned target
 * (the bench starts one); the S3 adapter signs and fetches itself, so it adds no counted SDK call. Imported by
 * scripts/bench-operations.ts after it has set the environment.
 */
import { randomBytes } from 'node:crypto';
import { handler as enableServices } from '../../functions/accounts/enableServices.js';
import { handler as signUp } from '../../functions/accounts/signUp.js';
import { handler as completeMaterial } from '../../functions/materials/completeMaterial.js';
import { handler as declareMaterial } from '../../functions/materials/declareMaterial.js';
import { handler as decideRealNameApplication } from '../../functions/realname/decideRealNameApplication.js';
import { handler as getRealName } from '../../functions/realname/getRealName.js';
import { handler as getRealNameApplication } from '../../functions/realname/getRealNameApplication.js';
import { handler as listRealNameApplications } from '../../functions/realname/listRealNameApplications.js';
import { handler as submitRealNameApplication } from '../../functions/realname/submitRealNameApplication.js';
import { handler as submitReauthentication } from '../../functions/realname/submitReauthentication.js';
import { handler as withdrawRealNameApplication } from '../../functions/realname/withdrawRealNameApplication.js';
import { handler as sendCode } from '../../functions/verification/sendVerificationCode.js';
import { runScheduler } from '../../lib/app/scheduler.js';
import { clockOffset, setClockOffset } from '../../lib/core/clock.js';
import { FILES } from '../../test/support/files.js';
import { BENCH_OPERATOR_KEY, type Call, type Counted, type Operations } from './bench-partners.js';

const CONTENT_TYPE = { png: 'image/png', jpg: 'image/jpeg', pdf: 'application/pdf' } as const;

export async function benchRealName(call: Call, counted: Counted, codeFor: (to: string) => string): Promise<Operations> {
  const operatorHeaders = { 'x-operator-key': BENCH_OPERATOR_KEY };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const out: Operations = {};
  const record = (name: string, run: { calls: Record<string, number>; total: number }) => {
    out[name] = { sdkCalls: run.total, calls: run.calls };
  };
  const uniqueEmail = () => `realname.${randomBytes(5).toString('hex')}@example.com`;
  const uniqueNumber = (prefix: string) => `${prefix}${randomBytes(6).toString('hex').toUpperCase()}`;
  const password = 'Bench-Secret-2026';

  /** Sign up (email) and enable services: an active account and its session. */
  async function activeAccount() {
    const email = uniqueEmail();
    const sent = await call(sendCode, 'POST', '/v1/verification-codes', { purpose: 'signup', channel: 'email', destination: email });
    const verification = { challengeId: sent.challengeId as string, code: codeFor(email) };
    const res = await call(signUp, 'POST', '/v1/accounts', { countryRegion: 'DE', email, password, verification });
    const account = { accountId: res.accountId as string, token: res.session.token as string };
    await call(enableServices, 'POST', '/v1/account/enable', { acceptAgreements: true }, undefined, bearer(account.token));
    return account;
  }
  type Account = Awaited<ReturnType<typeof activeAccount>>;

  /** Declare → PUT the bytes to the presigned target (s3rver) → complete: a verified material's ID. */
  async function material(account: Account, purpose: string, fixture: keyof typeof CONTENT_TYPE) {
    const bytes = FILES[fixture];
    const declared = await call(
      declareMaterial,
      'POST',
      '/v1/materials',
      { purpose, fileName: `scan.${fixture}`, contentType: CONTENT_TYPE[fixture], sizeBytes: bytes.length },
      undefined,
      bearer(account.token),
    );
    const upload = declared.upload as { url: string; headers: Record<string, string> };
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
    if (put.status !== 200) throw new Error(`upload to ${upload.url} → ${put.status} ${await put.text()}`);
    const materialId = declared.materialId as string;
    await call(completeMaterial, 'POST', `/v1/materials/${materialId}/complete`, undefined, { materialId }, bearer(account.token));
    return materialId;
  }
  // One after the other (s3rver answers two completions at once with a 500 now and then).
  const individualMaterials = async (account: Account) => ({
    certificatePage: await material(account, 'real-name-individual', 'png'),
    holdingPhoto: await material(account, 'real-name-individual', 'jpg'),
  });
  const individual = (fullName: string) => ({
    certificateType: 'passport',
    fullName,
    certificateNumber: uniqueNumber('P'),
    issuingCountry: 'DE',
  });
  const submit = (account: Account, body: object) =>
    call(submitRealNameApplication, 'POST', '/v1/real-name/applications', body, undefined, bearer(account.token));
  const ops = (handler: Parameters<Call>[0], method: string, path: string, body?: object, pathParameters?: Record<string, string>) =>
    call(handler, method, path, body, pathParameters, operatorHeaders);

  // The bench's clock is weeks ahead by now (new days for the send quotas): s3rver refuses signed requests that far
  // off its own time (the adapter then finds no upload), so this part runs on today's clock, as the test does.
  const aheadBy = clockOffset();
  setClockOffset(0);
  const [applicant, late] = [await activeAccount(), await activeAccount()];
  const materials = await individualMaterials(applicant);
  const submitted = await counted(() => submit(applicant, { kind: 'individual', ...individual('Li Lei'), materials }));
  record('submitRealNameApplication', submitted);
  const applicationId = submitted.value.applicationId as string;
  record('getRealName', await counted(() => call(getRealName, 'GET', '/v1/real-name', undefined, undefined, bearer(applicant.token))));
  record('listRealNameApplications', await counted(() => ops(listRealNameApplications, 'GET', '/v1/ops/real-name/applications')));
  record(
    'getRealNameApplication',
    await counted(() =>
      ops(getRealNameApplication, 'GET', `/v1/ops/real-name/applications/${applicationId}`, undefined, { applicationId }),
    ),
  );
  record(
    'decideRealNameApplication',
    await counted(() =>
      ops(
        decideRealNameApplication,
        'POST',
        `/v1/ops/real-name/applications/${applicationId}/decision`,
        { approve: true },
        { applicationId },
      ),
    ),
  );
  // R-RA-01: the owner change — the new owner's materials, the old owner's certificate, the application form (PDF).
  const ownerMaterials = {
    ...(await individualMaterials(applicant)),
    previousOwnerCertificate: await material(applicant, 'real-name-individual', 'png'),
  };
  const applicationForm = await material(applicant, 'reauth-form', 'pdf');
  const reauth = await counted(() =>
    call(
      submitReauthentication,
      'POST',
      '/v1/real-name/reauthentications',
      { kind: 'individual-owner', ...individual('Han Meimei'), materials: ownerMaterials, applicationForm },
      undefined,
      bearer(applicant.token),
    ),
  );
  record('submitReauthentication', reauth);
  const reauthId = reauth.value.applicationId as string;
  record(
    'withdrawRealNameApplication',
    await counted(() =>
      call(
        withdrawRealNameApplication,
        'DELETE',
        `/v1/real-name/applications/${reauthId}`,
        undefined,
        { applicationId: reauthId },
        bearer(applicant.token),
      ),
    ),
  );

  // R-RN-03: an application still pending at its reviewDueBy (3 working days) is marked overdue at the scheduler's
  // run after it; the operators are told. Materials first: a clock jump would outdate the presigned upload.
  await submit(late, { kind: 'individual', ...individual('Zhang Wei'), materials: await individualMaterials(late) });
  setClockOffset(clockOffset() + 8 * 86_400_000);
  const overdue = await counted(() => runScheduler());
  if (overdue.value.processed !== 1) throw new Error(`the overdue run processed ${overdue.value.processed} items, not 1`);
  record('scheduler: real-name review overdue', overdue);
  setClockOffset(Math.max(aheadBy, clockOffset()));
  return out;
}
