/**
 * Issue 11 ("SDK calls per operation pinned"): the DynamoDB round trips of each partners operation of helper A's
 * items; a change that adds one to a path fails here first.
 */
import { describe, expect, it } from 'vitest';
import { handler as signUpHandler } from '../../../functions/accounts/signUp.js';
import { handler as addMember } from '../../../functions/partners/addPartnerMember.js';
import { handler as decideMembership } from '../../../functions/partners/decidePartnerMembership.js';
import { handler as assignManager } from '../../../functions/partners/assignAccountManager.js';
import { handler as associate } from '../../../functions/partners/associatePartner.js';
import { handler as createInvitation } from '../../../functions/partners/createPartnerInvitation.js';
import { handler as enroll } from '../../../functions/partners/enrollPartner.js';
import { handler as revokeInvitation } from '../../../functions/partners/revokePartnerInvitation.js';
import { resetSdkCalls, sdkCallCounts } from '../../../lib/core/sdk-calls.js';
import { activeAccount } from '../../support/closure.js';
import { invoke } from '../../support/http.js';
import { PASSWORD, bearer, uniqueEmail, verificationFor } from '../../support/identity.js';
import { OPS } from '../../support/partners.js';

async function counted(fn: () => Promise<{ status: number; body: any }>) {
  resetSdkCalls();
  const res = await fn();
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return { body: res.body, calls: sdkCallCounts() };
}

describe('SDK calls per partners operation (issue 11)', () => {
  it('enroll, invite member, member accepts, invitation create/revoke, associate, assign manager, register-and-associate', async () => {
    const [admin, manager, customer] = [await activeAccount(), await activeAccount(), await activeAccount()];
    const enrolled = await counted(() =>
      invoke(enroll, { method: 'POST', path: '/v1/ops/partners', headers: OPS, body: { accountId: admin.accountId, name: 'Calls' } }),
    );
    const added = await counted(() =>
      invoke(addMember, {
        method: 'POST',
        path: '/v1/partner-center/members',
        headers: bearer(admin.token),
        body: { accountId: manager.accountId, role: 'account-manager' },
      }),
    );
    const joined = await counted(() =>
      invoke(decideMembership, {
        method: 'POST',
        path: `/v1/partner-memberships/${added.body.requestId}/decision`,
        pathParameters: { requestId: added.body.requestId },
        headers: bearer(manager.token),
        body: { accept: true },
      }),
    );
    const invite = () =>
      counted(() =>
        invoke(createInvitation, {
          method: 'POST',
          path: '/v1/partner-center/invitations',
          headers: bearer(admin.token),
          body: { model: 'reseller' },
        }),
      );
    const created = await invite();
    const revoked = await counted(() =>
      invoke(revokeInvitation, {
        method: 'DELETE',
        path: `/v1/partner-center/invitations/${created.body.invitationId}`,
        pathParameters: { invitationId: created.body.invitationId },
        headers: bearer(admin.token),
      }),
    );
    const { token } = (await invite()).body;
    const associated = await counted(() =>
      invoke(associate, {
        method: 'POST',
        path: '/v1/partner/association',
        headers: bearer(customer.token),
        body: { invitationToken: token, acceptInstructions: true },
      }),
    );
    const assigned = await counted(() =>
      invoke(assignManager, {
        method: 'PUT',
        path: `/v1/partner-center/customers/${customer.accountId}/account-manager`,
        pathParameters: { customerId: customer.accountId },
        headers: bearer(admin.token),
        body: { accountId: manager.accountId },
      }),
    );
    const email = uniqueEmail();
    const verification = await verificationFor('signup', 'email', email, { destination: email });
    const second = (await invite()).body.token;
    const registered = await counted(() =>
      invoke(signUpHandler, {
        method: 'POST',
        path: '/v1/accounts',
        body: { countryRegion: 'DE', email, password: PASSWORD, verification, invitationToken: second, acceptInstructions: true },
      }),
    );
    expect({
      enrolled: enrolled.calls,
      added: added.calls,
      joined: joined.calls,
      created: created.calls,
      revoked: revoked.calls,
      associated: associated.calls,
      assigned: assigned.calls,
      registered: registered.calls,
    }).toEqual({
      // operator key: no read; the account, then one transaction
      enrolled: { 'DynamoDB.GetItem': 1, 'DynamoDB.TransactWriteItems': 1 },
      // session routes: 2 reads authenticate (session, account); then the staff claim and what the operation names
      // invitation (issue 11 review finding 3): staff claim, then the account, its claim and the partner at once;
      // then the pair's open claim and its quota window at once (review 3 findings 1 and 5)
      added: { 'DynamoDB.BatchGetItem': 1, 'DynamoDB.GetItem': 7, 'DynamoDB.TransactWriteItems': 1 },
      // the invited account's decision: the request read twice (scoped load, then the move's own read)
      joined: { 'DynamoDB.GetItem': 4, 'DynamoDB.TransactWriteItems': 1 },
      created: { 'DynamoDB.GetItem': 3, 'DynamoDB.TransactWriteItems': 1 },
      revoked: { 'DynamoDB.GetItem': 4, 'DynamoDB.TransactWriteItems': 1 },
      // invitation, account, staff claim, and the facts (standing + association facts in one BatchGetItem)
      associated: { 'DynamoDB.GetItem': 5, 'DynamoDB.BatchGetItem': 1, 'DynamoDB.TransactWriteItems': 1 },
      assigned: { 'DynamoDB.GetItem': 5, 'DynamoDB.TransactWriteItems': 1 },
      // the plain sign-up's (code attempt + one transaction) plus the invitation read
      registered: { 'DynamoDB.GetItem': 1, 'DynamoDB.UpdateItem': 1, 'DynamoDB.TransactWriteItems': 1 },
    });
  });
});
