/**
 * Issue 12 ("the new functions … with their SDK calls listed in the bench"): the round trips of every enterprise
 * operation, pinned, in the flows and order of scripts/lib/bench-enterprise.ts (which records the same counts under
 * each operationId). The session check is included (2 GetItem on every session route). SNS publishes are counted by
 * a notifier stub, as the bench counts them. A change that adds a round trip fails here first.
 */
import { describe, expect, it } from 'vitest';
import { handler as cancelDisassociationHandler } from '../../../functions/enterprise/cancelMemberDisassociation.js';
import { handler as createMemberHandler } from '../../../functions/enterprise/createEnterpriseMember.js';
import { handler as decideDisassociationHandler } from '../../../functions/enterprise/decideMemberDisassociation.js';
import { handler as enterpriseRecordsHandler } from '../../../functions/enterprise/listEnterpriseRecords.js';
import { handler as invitationsHandler } from '../../../functions/enterprise/listEnterpriseInvitations.js';
import { handler as membersHandler } from '../../../functions/enterprise/listEnterpriseMembers.js';
import { handler as memberRecordsHandler } from '../../../functions/enterprise/listMasterAccountRecords.js';
import { handler as masterAccountHandler } from '../../../functions/enterprise/getMasterAccount.js';
import { handler as windowsHandler } from '../../../functions/enterprise/getMemberOrderWindows.js';
import { handler as requestDisassociationHandler } from '../../../functions/enterprise/requestMemberDisassociation.js';
import { handler as permissionsHandler } from '../../../functions/enterprise/setMasterPermissions.js';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { clockOffset, setClockOffset } from '../../../lib/core/clock.js';
import { activeAccount } from '../../support/closure.js';
import { cancelInvitation, decide, enable, invite, setAccountType } from '../../support/enterprise.js';
import { invoke } from '../../support/http.js';
import { sdkCallCounter } from '../../support/sdk-call-counter.js';
import { PASSWORD, bearer, uniqueEmail, verificationFor } from '../../support/identity.js';

const { counted, callsOf } = sdkCallCounter();

const get = (handler: Parameters<typeof invoke>[0], path: string, token: string, pathParameters?: Record<string, string>) =>
  invoke(handler, { method: 'GET', path, headers: bearer(token), ...(pathParameters ? { pathParameters } : {}) });
const request = (master: { token: string }, memberId: string) =>
  invoke(requestDisassociationHandler, {
    method: 'POST',
    path: `/v1/enterprise/members/${memberId}/disassociation-requests`,
    pathParameters: { memberId },
    headers: bearer(master.token),
  });

// Read the edge's session (GetItem ×2) on every route. Writes are one transaction; each notice is published from
// the outbox after it (UpdateItem claim + DeleteItem + SNS.Publish per notice).
const PINNED: Record<string, Record<string, number>> = {
  enableEnterpriseCenter: { 'DynamoDB.GetItem': 4, 'DynamoDB.BatchGetItem': 1, 'DynamoDB.TransactWriteItems': 1 },
  // The invitee's facts are no longer read at invite time (review: judged at acceptance, told to the invitee only).
  inviteEnterpriseMember: {
    'DynamoDB.GetItem': 4,
    'DynamoDB.BatchGetItem': 2,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  listEnterpriseInvitations: { 'DynamoDB.GetItem': 3, 'DynamoDB.Query': 1, 'DynamoDB.BatchGetItem': 1 },
  // + the inviting master's account (an invitation of a master no longer open is not shown).
  getMasterAccount: { 'DynamoDB.GetItem': 6, 'DynamoDB.BatchGetItem': 1, 'DynamoDB.Query': 1 },
  decideEnterpriseInvitation: {
    'DynamoDB.GetItem': 5,
    'DynamoDB.BatchGetItem': 2,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  // one notice to the master
  setMasterPermissions: {
    'DynamoDB.GetItem': 5,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  listEnterpriseMembers: { 'DynamoDB.GetItem': 3, 'DynamoDB.Query': 1, 'DynamoDB.BatchGetItem': 1 },
  requestMemberDisassociation: {
    'DynamoDB.GetItem': 6,
    'DynamoDB.BatchGetItem': 3,
    'DynamoDB.Query': 1,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  // one notice to each side
  cancelMemberDisassociation: {
    'DynamoDB.GetItem': 7,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 2,
    'DynamoDB.DeleteItem': 2,
    'SNS.Publish': 2,
  },
  // one transaction ends the association; one notice to each side
  decideMemberDisassociation: {
    'DynamoDB.GetItem': 8,
    'DynamoDB.BatchGetItem': 3,
    'DynamoDB.Query': 1,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 2,
    'DynamoDB.DeleteItem': 2,
    'SNS.Publish': 2,
  },
  getMemberOrderWindows: { 'DynamoDB.GetItem': 4, 'DynamoDB.Query': 1 },
  listEnterpriseRecords: { 'DynamoDB.GetItem': 3, 'DynamoDB.Query': 1 },
  listMasterAccountRecords: { 'DynamoDB.GetItem': 2, 'DynamoDB.Query': 1 },
  // no notice
  // The caller's Enterprise Center, the invitation, the invitee's account (told of the cancel: one notice).
  cancelEnterpriseInvitation: {
    'DynamoDB.GetItem': 7,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.UpdateItem': 1,
    'DynamoDB.DeleteItem': 1,
    'SNS.Publish': 1,
  },
  // the plain sign-up's code attempt and transaction, plus the master's side
  createEnterpriseMember: { 'DynamoDB.GetItem': 3, 'DynamoDB.BatchGetItem': 1, 'DynamoDB.UpdateItem': 1, 'DynamoDB.TransactWriteItems': 1 },
  // Both parties told (the master and the invitee: two notices).
  'scheduler: invitation expiry': {
    'DynamoDB.Query': 4,
    'DynamoDB.UpdateItem': 3,
    'DynamoDB.GetItem': 5,
    'DynamoDB.TransactWriteItems': 1,
    'DynamoDB.DeleteItem': 2,
    'SNS.Publish': 2,
  },
};

describe('SDK calls per enterprise operation (issue 12)', () => {
  it('R-MM-01 R-MM-02 R-MM-05 R-MM-07 R-MM-08: enable, invite, lists, view, accept, permissions, disassociation request/cancel/agree, windows, records, cancel, created member, expiry', async () => {
    const got: Record<string, Record<string, number>> = {};
    const [master, member, other] = [await activeAccount(), await activeAccount(), await activeAccount()];
    expect((await setAccountType(master, 'enterprise', 'Calls Holding')).status).toBe(200);
    got.enableEnterpriseCenter = (await counted(() => enable(master))).calls;
    const invited = await counted(() =>
      invite(master, member, { accountingMode: 'unified', permissions: ['view-bills', 'manage-budgets'] }),
    );
    got.inviteEnterpriseMember = invited.calls;
    const invitationId = invited.body.invitationId as string;
    got.listEnterpriseInvitations = (await counted(() => get(invitationsHandler, '/v1/enterprise/invitations', master.token))).calls;
    got.getMasterAccount = (await counted(() => get(masterAccountHandler, '/v1/master-account', member.token))).calls;
    got.decideEnterpriseInvitation = (
      await counted(() => decide(member, invitationId, { accept: true, acceptAgreement: true, grantPermissions: ['view-bills'] }))
    ).calls;
    got.setMasterPermissions = (
      await counted(() =>
        invoke(permissionsHandler, {
          method: 'PUT',
          path: '/v1/master-account/permissions',
          headers: bearer(member.token),
          body: { permissions: ['view-bills', 'manage-budgets'] },
        }),
      )
    ).calls;
    got.listEnterpriseMembers = (await counted(() => get(membersHandler, '/v1/enterprise/members', master.token))).calls;
    const first = await counted(() => request(master, member.accountId));
    got.requestMemberDisassociation = first.calls;
    const canceledId = first.body.requestId as string;
    got.cancelMemberDisassociation = (
      await counted(() =>
        invoke(cancelDisassociationHandler, {
          method: 'DELETE',
          path: `/v1/enterprise/disassociation-requests/${canceledId}`,
          pathParameters: { requestId: canceledId },
          headers: bearer(master.token),
        }),
      )
    ).calls;
    const again = await request(master, member.accountId);
    expect(again.status).toBe(201);
    const agreedId = again.body.requestId as string;
    got.decideMemberDisassociation = (
      await counted(() =>
        invoke(decideDisassociationHandler, {
          method: 'POST',
          path: `/v1/master-account/disassociation-requests/${agreedId}/decision`,
          pathParameters: { requestId: agreedId },
          headers: bearer(member.token),
          body: { accept: true },
        }),
      )
    ).calls;
    got.getMemberOrderWindows = (
      await counted(() =>
        get(windowsHandler, `/v1/enterprise/members/${member.accountId}/order-windows`, master.token, { memberId: member.accountId }),
      )
    ).calls;
    got.listEnterpriseRecords = (await counted(() => get(enterpriseRecordsHandler, '/v1/enterprise/records', master.token))).calls;
    got.listMasterAccountRecords = (await counted(() => get(memberRecordsHandler, '/v1/master-account/records', member.token))).calls;
    const toCancel = await invite(master, other);
    expect(toCancel.status).toBe(201);
    got.cancelEnterpriseInvitation = (await counted(() => cancelInvitation(master, toCancel.body.invitationId))).calls;
    const email = uniqueEmail('member');
    const verification = await verificationFor('signup', 'email', email, { destination: email });
    got.createEnterpriseMember = (
      await counted(() =>
        invoke(createMemberHandler, {
          method: 'POST',
          path: '/v1/enterprise/members',
          headers: bearer(master.token),
          body: {
            countryRegion: 'DE',
            email,
            password: PASSWORD,
            verification,
            accountingMode: 'independent',
            permissions: ['view-bills'],
          },
        }),
      )
    ).calls;
    // R-MM-07: an invitation left pending lapses at the scheduler's run after 15 days; the master is told.
    expect((await invite(master, other)).status).toBe(201);
    setClockOffset(clockOffset() + 16 * 86_400_000);
    const { result: expiry, calls: schedulerCalls } = await callsOf(() => runScheduler());
    expect(expiry.processed).toBe(1);
    got['scheduler: invitation expiry'] = schedulerCalls;
    expect(got).toEqual(PINNED);
  });
});
