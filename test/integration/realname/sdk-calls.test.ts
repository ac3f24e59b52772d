/**
 * Issue 13 (the real-name operations with their SDK calls listed in the bench): the round trips of every real-name
 * operation and of the scheduler's overdue marking, pinned, in the flow and order of scripts/lib/bench-realname.ts
 * (which records the same counts under each operationId). The session check is included (2 GetItem on every session
 * route). SNS publishes are counted by a notifier stub, as the bench counts them. The S3 adapter signs and fetches
 * itself (read links are presigned locally): no S3 call is counted. A change that adds a round trip fails here first.
 */
import { describe, expect, it } from 'vitest';
import { handler as getApplicationHandler } from '../../../functions/realname/getRealNameApplication.js';
import { handler as listHandler } from '../../../functions/realname/listRealNameApplications.js';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { sdkCallCounter } from '../../support/sdk-call-counter.js';
import {
  OPS,
  apply,
  decideApplication,
  individualApplication,
  materialsFor,
  realName,
  reauthMaterialsFor,
  reauthenticate,
  withdraw,
} from '../../support/realname.js';

const { counted, callsOf } = sdkCallCounter();

// Every customer route reads the edge's session (GetItem ×2); operator routes read none. Writes are one transaction;
// each notice is published from the outbox after it (UpdateItem claim + DeleteItem + SNS.Publish per notice).
const PINNED: Record<string, Record<string, number>> = {
  // session ×2, account, REALNAME state, the two materials (GetItem each), the standing/associations facts
  // (BatchGetItem); one transaction (application, queue row, due row, index row, account pointer, audit).
  submitRealNameApplication: { 'DynamoDB.GetItem': 6, 'DynamoDB.BatchGetItem': 1, 'DynamoDB.TransactWriteItems': 1 },
  // session ×2, account, REALNAME state, the pending application.
  getRealName: { 'DynamoDB.GetItem': 5 },
  // one Query on the pending queue partition (the rows carry what the list shows).
  listRealNameApplications: { 'DynamoDB.Query': 1 },
  // the application and its two materials; the audit trace (PutItem). Read links are presigned locally.
  getRealNameApplication: { 'DynamoDB.GetItem': 3, 'DynamoDB.PutItem': 1 },
  // the application, the account, the REALNAME state; one transaction; the approval notice from the outbox.
  decideRealNameApplication: {
    'DynamoDB.GetItem': 3,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  // session ×2, account, REALNAME state, the three materials and the form, the received-invitation claim and the
  // Enterprise Center profile (R-RA-06 open invitations), the facts (BatchGetItem); one transaction.
  submitReauthentication: { 'DynamoDB.GetItem': 10, 'DynamoDB.BatchGetItem': 1, 'DynamoDB.TransactWriteItems': 1 },
  // session ×2, the application; one transaction.
  withdrawRealNameApplication: { 'DynamoDB.GetItem': 3, 'DynamoDB.TransactWriteItems': 1 },
  // the due-index buckets (Query ×4), the lease (UpdateItem), the application, one transaction, the operators' notice.
  'scheduler: real-name review overdue': {
    'DynamoDB.Query': 4,
    'DynamoDB.UpdateItem': 2,
    'DynamoDB.GetItem': 1,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
};

describe('SDK calls per real-name operation (issue 13)', () => {
  it('R-RN-01 R-RN-03 R-RN-08 R-RA-01 R-RA-05: submit, view, queue, open, approve, owner change, withdraw, overdue marking', async () => {
    const got: Record<string, Record<string, number>> = {};
    const [applicant, late] = [await activeAccount(), await activeAccount()];
    const materials = await materialsFor(applicant, 'individual');
    const submitted = await counted(() => apply(applicant, individualApplication({ materials })));
    got.submitRealNameApplication = submitted.calls;
    const applicationId = submitted.body.applicationId as string;
    got.getRealName = (await counted(() => realName(applicant))).calls;
    got.listRealNameApplications = (
      await counted(() => invoke(listHandler, { method: 'GET', path: '/v1/ops/real-name/applications', headers: OPS }))
    ).calls;
    got.getRealNameApplication = (
      await counted(() =>
        invoke(getApplicationHandler, {
          method: 'GET',
          path: `/v1/ops/real-name/applications/${applicationId}`,
          pathParameters: { applicationId },
          headers: OPS,
        }),
      )
    ).calls;
    got.decideRealNameApplication = (await counted(() => decideApplication(applicationId, { approve: true }))).calls;
    // R-RA-01: the owner change — the new owner's materials, the old owner's certificate, the application form (PDF).
    const owner = await reauthMaterialsFor(applicant, 'individual-owner');
    const reauth = await counted(() =>
      reauthenticate(applicant, { ...individualApplication({ fullName: 'Han Meimei' }), kind: 'individual-owner', ...owner }),
    );
    got.submitReauthentication = reauth.calls;
    got.withdrawRealNameApplication = (await counted(() => withdraw(applicant, reauth.body.applicationId as string))).calls;

    // R-RN-03: still pending past its reviewDueBy (3 working days): marked overdue at the next run, operators told.
    const lateMaterials = await materialsFor(late, 'individual');
    expect((await apply(late, individualApplication({ fullName: 'Zhang Wei', materials: lateMaterials }))).status).toBe(201);
    setClockOffset(clockOffset() + 8 * 86_400_000);
    const { result: run, calls: schedulerCalls } = await callsOf(() => runScheduler());
    got['scheduler: real-name review overdue'] = schedulerCalls;
    expect(run.processed).toBe(1);
    expect(got).toEqual(PINNED);
  });
});
