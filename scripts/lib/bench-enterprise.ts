/**
 * Issue 12 ("the new functions … with their SDK calls listed in the bench"): one run of every enterprise operation,
 * in process, through its handler, recorded under its operationId. The flow is that of
 * test/integration/enterprise/sdk-calls.test.ts (same order, same state before each counted call), so the counts here
 * are the counts that test pins. Imported by scripts/bench-operations.ts after it has set the environment.
 */
import { randomBytes } from 'node:crypto';
import { handler as changeAccountType } from '../../functions/accounts/changeAccountType.js';
import { handler as enableServices } from '../../functions/accounts/enableServices.js';
import { handler as signUp } from '../../functions/accounts/signUp.js';
import { handler as cancelEnterpriseInvitation } from '../../functions/enterprise/cancelEnterpriseInvitation.js';
import { handler as cancelMemberDisassociation } from '../../functions/enterprise/cancelMemberDisassociation.js';
import { handler as createEnterpriseMember } from '../../functions/enterprise/createEnterpriseMember.js';
import { handler as decideEnterpriseInvitation } from '../../functions/enterprise/decideEnterpriseInvitation.js';
import { handler as decideMemberDisassociation } from '../../functions/enterprise/decideMemberDisassociation.js';
import { handler as enableEnterpriseCenter } from '../../functions/enterprise/enableEnterpriseCenter.js';
import { handler as getMasterAccount } from '../../functions/enterprise/getMasterAccount.js';
import { handler as getMemberOrderWindows } from '../../functions/enterprise/getMemberOrderWindows.js';
import { handler as inviteEnterpriseMember } from '../../functions/enterprise/inviteEnterpriseMember.js';
import { handler as listEnterpriseInvitations } from '../../functions/enterprise/listEnterpriseInvitations.js';
import { handler as listEnterpriseMembers } from '../../functions/enterprise/listEnterpriseMembers.js';
import { handler as listEnterpriseRecords } from '../../functions/enterprise/listEnterpriseRecords.js';
import { handler as listMasterAccountRecords } from '../../functions/enterprise/listMasterAccountRecords.js';
import { handler as requestMemberDisassociation } from '../../functions/enterprise/requestMemberDisassociation.js';
import { handler as setMasterPermissions } from '../../functions/enterprise/setMasterPermissions.js';
import { handler as sendCode } from '../../functions/verification/sendVerificationCode.js';
import { runScheduler } from '../../lib/app/scheduler.js';
import { clockOffset, setClockOffset } from '../../lib/core/clock.js';
import type { Call, Counted, Operations } from './bench-partners.js';

export async function benchEnterprise(call: Call, counted: Counted, codeFor: (to: string) => string): Promise<Operations> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const out: Operations = {};
  const record = (name: string, run: { calls: Record<string, number>; total: number }) => {
    out[name] = { sdkCalls: run.total, calls: run.calls };
  };
  const uniqueEmail = () => `enterprise.${randomBytes(5).toString('hex')}@example.com`;
  const password = 'Bench-Secret-2026';

  async function signupVerification(email: string) {
    const body = { purpose: 'signup', channel: 'email', destination: email };
    const sent = await call(sendCode, 'POST', '/v1/verification-codes', body);
    return { challengeId: sent.challengeId as string, code: codeFor(email) };
  }
  /** Sign up (email) and enable services: an active account and its session. */
  async function activeAccount() {
    const email = uniqueEmail();
    const verification = await signupVerification(email);
    const res = await call(signUp, 'POST', '/v1/accounts', { countryRegion: 'DE', email, password, verification });
    const account = { accountId: res.accountId as string, token: res.session.token as string, email };
    await call(enableServices, 'POST', '/v1/account/enable', { acceptAgreements: true }, undefined, bearer(account.token));
    return account;
  }
  type Account = Awaited<ReturnType<typeof activeAccount>>;
  const invite = (master: Account, member: Account, body: object = { accountingMode: 'unified' }) =>
    call(
      inviteEnterpriseMember,
      'POST',
      '/v1/enterprise/invitations',
      { memberAccountId: member.accountId, ...body },
      undefined,
      bearer(master.token),
    );
  const request = (master: Account, memberId: string) =>
    call(
      requestMemberDisassociation,
      'POST',
      `/v1/enterprise/members/${memberId}/disassociation-requests`,
      undefined,
      { memberId },
      bearer(master.token),
    );
  const get = (handler: Parameters<Call>[0], path: string, token: string, pathParameters?: Record<string, string>) =>
    call(handler, 'GET', path, undefined, pathParameters, bearer(token));

  const [master, member, other] = [await activeAccount(), await activeAccount(), await activeAccount()];
  await call(
    changeAccountType,
    'PUT',
    '/v1/account/type',
    { accountType: 'enterprise', name: 'Bench Holding' },
    undefined,
    bearer(master.token),
  );
  record(
    'enableEnterpriseCenter',
    await counted(() => call(enableEnterpriseCenter, 'POST', '/v1/enterprise-center', undefined, undefined, bearer(master.token))),
  );
  const invited = await counted(() => invite(master, member, { accountingMode: 'unified', permissions: ['view-bills', 'manage-budgets'] }));
  record('inviteEnterpriseMember', invited);
  const invitationId = invited.value.invitationId as string;
  record('listEnterpriseInvitations', await counted(() => get(listEnterpriseInvitations, '/v1/enterprise/invitations', master.token)));
  record('getMasterAccount', await counted(() => get(getMasterAccount, '/v1/master-account', member.token)));
  record(
    'decideEnterpriseInvitation',
    await counted(() =>
      call(
        decideEnterpriseInvitation,
        'POST',
        `/v1/master-account/invitations/${invitationId}/decision`,
        { accept: true, acceptAgreement: true, grantPermissions: ['view-bills'] },
        { invitationId },
        bearer(member.token),
      ),
    ),
  );
  record(
    'setMasterPermissions',
    await counted(() =>
      call(
        setMasterPermissions,
        'PUT',
        '/v1/master-account/permissions',
        { permissions: ['view-bills', 'manage-budgets'] },
        undefined,
        bearer(member.token),
      ),
    ),
  );
  record('listEnterpriseMembers', await counted(() => get(listEnterpriseMembers, '/v1/enterprise/members', master.token)));
  const first = await counted(() => request(master, member.accountId));
  record('requestMemberDisassociation', first);
  const canceledId = first.value.requestId as string;
  record(
    'cancelMemberDisassociation',
    await counted(() =>
      call(
        cancelMemberDisassociation,
        'DELETE',
        `/v1/enterprise/disassociation-requests/${canceledId}`,
        undefined,
        { requestId: canceledId },
        bearer(master.token),
      ),
    ),
  );
  const agreedId = (await request(master, member.accountId)).requestId as string;
  record(
    'decideMemberDisassociation',
    await counted(() =>
      call(
        decideMemberDisassociation,
        'POST',
        `/v1/master-account/disassociation-requests/${agreedId}/decision`,
        { accept: true },
        { requestId: agreedId },
        bearer(member.token),
      ),
    ),
  );
  record(
    'getMemberOrderWindows',
    await counted(() =>
      get(getMemberOrderWindows, `/v1/enterprise/members/${member.accountId}/order-windows`, master.token, {
        memberId: member.accountId,
      }),
    ),
  );
  record('listEnterpriseRecords', await counted(() => get(listEnterpriseRecords, '/v1/enterprise/records', master.token)));
  record('listMasterAccountRecords', await counted(() => get(listMasterAccountRecords, '/v1/master-account/records', member.token)));
  const toCancel = (await invite(master, other)).invitationId as string;
  record(
    'cancelEnterpriseInvitation',
    await counted(() =>
      call(
        cancelEnterpriseInvitation,
        'DELETE',
        `/v1/enterprise/invitations/${toCancel}`,
        undefined,
        { invitationId: toCancel },
        bearer(master.token),
      ),
    ),
  );
  const email = uniqueEmail();
  const verification = await signupVerification(email);
  const createBody = { countryRegion: 'DE', email, password, verification, accountingMode: 'independent', permissions: ['view-bills'] };
  record(
    'createEnterpriseMember',
    await counted(() => call(createEnterpriseMember, 'POST', '/v1/enterprise/members', createBody, undefined, bearer(master.token))),
  );

  // R-MM-07: an invitation left pending lapses at the scheduler's run after 15 days *default*; the master is told.
  await invite(master, other);
  setClockOffset(clockOffset() + 16 * 86_400_000);
  const expiry = await counted(() => runScheduler());
  if (expiry.value.processed !== 1) throw new Error(`the expiry run processed ${expiry.value.processed} items, not 1`);
  record('scheduler: invitation expiry', expiry);
  return out;
}
