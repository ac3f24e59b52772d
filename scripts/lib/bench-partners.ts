/**
 * Issue 11 ("bench: every new function … its SDK calls listed"): one run of every partners operation, in process,
 * through its handler, recorded under its operationId. The flows are those of test/integration/partners/sdk-calls*.test.ts
 * and disassociation-sdk-calls.test.ts (same order, same state before each counted call), so the counts here are
 * the counts those tests pin. Imported by scripts/bench-operations.ts after it has set the environment.
 */
import { randomBytes } from 'node:crypto';
import { handler as signUp } from '../../functions/accounts/signUp.js';
import { handler as enableServices } from '../../functions/accounts/enableServices.js';
import { handler as setSecurityPhone } from '../../functions/accounts/setSecurityPhone.js';
import { handler as addPartnerMember } from '../../functions/partners/addPartnerMember.js';
import { handler as assignAccountManager } from '../../functions/partners/assignAccountManager.js';
import { handler as decidePartnerMembership } from '../../functions/partners/decidePartnerMembership.js';
import { handler as getCustomerDisassociationChecks } from '../../functions/partners/getCustomerDisassociationChecks.js';
import { handler as listPartnerMemberships } from '../../functions/partners/listPartnerMemberships.js';
import { handler as removePartnerMember } from '../../functions/partners/removePartnerMember.js';
import { handler as associatePartner } from '../../functions/partners/associatePartner.js';
import { handler as authorizePurchase } from '../../functions/partners/authorizePurchase.js';
import { handler as createPartnerInvitation } from '../../functions/partners/createPartnerInvitation.js';
import { handler as decideDisassociationAsCustomer } from '../../functions/partners/decideDisassociationAsCustomer.js';
import { handler as decideDisassociationAsPartner } from '../../functions/partners/decideDisassociationAsPartner.js';
import { handler as disassociateByTicket } from '../../functions/partners/disassociateByTicket.js';
import { handler as enrollPartner } from '../../functions/partners/enrollPartner.js';
import { handler as getDisassociationChecks } from '../../functions/partners/getDisassociationChecks.js';
import { handler as getPartner } from '../../functions/partners/getPartner.js';
import { handler as listAssociationRecords } from '../../functions/partners/listAssociationRecords.js';
import { handler as listMyPartnerRecords } from '../../functions/partners/listMyPartnerRecords.js';
import { handler as listPartnerCustomers } from '../../functions/partners/listPartnerCustomers.js';
import { handler as requestCustomerDisassociation } from '../../functions/partners/requestCustomerDisassociation.js';
import { handler as requestDisassociation } from '../../functions/partners/requestDisassociation.js';
import { handler as revealPartnerCustomerContact } from '../../functions/partners/revealPartnerCustomerContact.js';
import { handler as revokePartnerInvitation } from '../../functions/partners/revokePartnerInvitation.js';
import { handler as setCustomerBudget } from '../../functions/partners/setCustomerBudget.js';
import { handler as setPartnerAuthorization } from '../../functions/partners/setPartnerAuthorization.js';
import { handler as setPartnerCustomerTags } from '../../functions/partners/setPartnerCustomerTags.js';
import { handler as setPartnerSettings } from '../../functions/partners/setPartnerSettings.js';
import { handler as changePreferences } from '../../functions/preferences/changePreferences.js';
import { handler as sendCode } from '../../functions/verification/sendVerificationCode.js';
import { findAccount } from '../../lib/accounts/store.js';
import { runScheduler } from '../../lib/app/scheduler.js';
import { clockOffset, now, setClockOffset } from '../../lib/core/clock.js';

type AnyHandler = (event: any, context: any) => Promise<any>;
/** scripts/bench-operations.ts `call`: throws on any answer >= 300. */
export type Call = (
  handler: AnyHandler,
  method: string,
  path: string,
  body: object | undefined,
  pathParameters?: Record<string, string>,
  headers?: Record<string, string>,
) => Promise<any>;
export type Counted = <T>(fn: () => Promise<T>) => Promise<{ value: T; calls: Record<string, number>; total: number }>;
export type Operations = Record<string, { sdkCalls: number; calls: Record<string, number> }>;

/** The operator key the bench's OPERATOR_KEYS knows (scripts/bench-operations.ts). */
export const BENCH_OPERATOR_KEY = 'bench-operator-key';

export async function benchPartners(call: Call, counted: Counted, codeFor: (to: string) => string): Promise<Operations> {
  const ops = { 'x-operator-key': BENCH_OPERATOR_KEY };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const out: Operations = {};
  const record = (name: string, run: { calls: Record<string, number>; total: number }) => {
    out[name] = { sdkCalls: run.total, calls: run.calls };
  };
  /**
   * Past the 60-second resend cooldown of a destination (R-VC-04), only where one destination gets a second code:
   * every move of the clock brings the sessions nearer their 5-minute last-seen write (config.sessions.touchEverySeconds),
   * which the pinned tests, never moving the clock, do not count.
   */
  const pastCooldown = () => setClockOffset(clockOffset() + 61_000);
  const uniqueEmail = () => `partner.${randomBytes(5).toString('hex')}@example.com`;
  const uniqueMobile = () => `+49151${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  const password = 'Bench-Secret-2026';

  async function verification(purpose: string, channel: 'sms' | 'email', to: string, options: { token?: string; destination?: string }) {
    const body = { purpose, channel, ...(options.destination ? { destination: options.destination } : {}) };
    const sent = await call(sendCode, 'POST', '/v1/verification-codes', body, undefined, options.token ? bearer(options.token) : {});
    return { challengeId: sent.challengeId as string, code: codeFor(to) };
  }
  /** Sign up (email) and enable services: an active account and its session. */
  async function activeAccount() {
    const email = uniqueEmail();
    const v = await verification('signup', 'email', email, { destination: email });
    const res = await call(signUp, 'POST', '/v1/accounts', { countryRegion: 'DE', email, password, verification: v });
    const account = { accountId: res.accountId as string, token: res.session.token as string, email };
    await call(enableServices, 'POST', '/v1/account/enable', { acceptAgreements: true }, undefined, bearer(account.token));
    return account;
  }
  type Account = Awaited<ReturnType<typeof activeAccount>>;
  const invitation = async (admin: Account) =>
    (await call(
      createPartnerInvitation,
      'POST',
      '/v1/partner-center/invitations',
      { model: 'reseller' },
      undefined,
      bearer(admin.token),
    )) as {
      invitationId: string;
      token: string;
    };
  /** log-in-and-associate (reseller: frozen until a budget is set). */
  async function associatedCustomer(admin: Account) {
    const { token } = await invitation(admin);
    const customer = await activeAccount();
    const body = { invitationToken: token, acceptInstructions: true };
    await call(associatePartner, 'POST', '/v1/partner/association', body, undefined, bearer(customer.token));
    return customer;
  }
  /** An associated customer with a security mobile and a currency: it passes the customer-side checks (R-PD-02). */
  async function readyCustomer(admin: Account) {
    const customer = await associatedCustomer(admin);
    const mobile = uniqueMobile();
    const v = await verification('security-phone', 'sms', mobile, { token: customer.token, destination: mobile });
    await call(setSecurityPhone, 'PUT', '/v1/account/security-phone', { mobile, verification: v }, undefined, bearer(customer.token));
    await call(changePreferences, 'PUT', '/v1/account/preferences', { currency: 'EUR' }, undefined, bearer(customer.token));
    return { ...customer, mobile };
  }
  const partnerRequest = async (admin: Account, customerId: string) =>
    (await call(
      requestCustomerDisassociation,
      'POST',
      `/v1/partner-center/customers/${customerId}/disassociation-requests`,
      { reason: 'Contract ended' },
      { customerId },
      bearer(admin.token),
    )) as { requestId: string };

  // test/integration/partners/sdk-calls.test.ts: enroll, member, invitations, associate, assign, register-and-associate.
  const [admin, manager, customer] = [await activeAccount(), await activeAccount(), await activeAccount()];
  record(
    'enrollPartner',
    await counted(() => call(enrollPartner, 'POST', '/v1/ops/partners', { accountId: admin.accountId, name: 'Bench' }, undefined, ops)),
  );
  const addBody = { accountId: manager.accountId, role: 'account-manager' };
  const added = await counted(() => call(addPartnerMember, 'POST', '/v1/partner-center/members', addBody, undefined, bearer(admin.token)));
  record('addPartnerMember', added);
  // Membership by consent (issue 11 review finding 3): the invited account lists its invitations and accepts.
  const requestId = added.value.requestId as string;
  record(
    'listPartnerMemberships',
    await counted(() => call(listPartnerMemberships, 'GET', '/v1/partner-memberships', undefined, undefined, bearer(manager.token))),
  );
  record(
    'decidePartnerMembership',
    await counted(() =>
      call(
        decidePartnerMembership,
        'POST',
        `/v1/partner-memberships/${requestId}/decision`,
        { accept: true },
        { requestId },
        bearer(manager.token),
      ),
    ),
  );
  // A second manager joins and is removed (no customer assigned to it).
  const leaving = await activeAccount();
  const invitedAgain = await call(
    addPartnerMember,
    'POST',
    '/v1/partner-center/members',
    { accountId: leaving.accountId, role: 'account-manager' },
    undefined,
    bearer(admin.token),
  );
  const leavingRequest = invitedAgain.requestId as string;
  await call(
    decidePartnerMembership,
    'POST',
    `/v1/partner-memberships/${leavingRequest}/decision`,
    { accept: true },
    { requestId: leavingRequest },
    bearer(leaving.token),
  );
  record(
    'removePartnerMember',
    await counted(() =>
      call(
        removePartnerMember,
        'DELETE',
        `/v1/partner-center/members/${leaving.accountId}`,
        undefined,
        { accountId: leaving.accountId },
        bearer(admin.token),
      ),
    ),
  );
  const created = await counted(() => invitation(admin));
  record('createPartnerInvitation', created);
  const { invitationId } = created.value;
  record(
    'revokePartnerInvitation',
    await counted(() =>
      call(
        revokePartnerInvitation,
        'DELETE',
        `/v1/partner-center/invitations/${invitationId}`,
        undefined,
        { invitationId },
        bearer(admin.token),
      ),
    ),
  );
  const { token } = await invitation(admin);
  const associateBody = { invitationToken: token, acceptInstructions: true };
  record(
    'associatePartner',
    await counted(() => call(associatePartner, 'POST', '/v1/partner/association', associateBody, undefined, bearer(customer.token))),
  );
  record(
    'assignAccountManager',
    await counted(() =>
      call(
        assignAccountManager,
        'PUT',
        `/v1/partner-center/customers/${customer.accountId}/account-manager`,
        { accountId: manager.accountId },
        { customerId: customer.accountId },
        bearer(admin.token),
      ),
    ),
  );
  const email = uniqueEmail();
  const v = await verification('signup', 'email', email, { destination: email });
  const second = (await invitation(admin)).token;
  const signUpBody = { countryRegion: 'DE', email, password, verification: v, invitationToken: second, acceptInstructions: true };
  record('signUp+invitation', await counted(() => call(signUp, 'POST', '/v1/accounts', signUpBody)));

  // sdk-calls-d.test.ts: budget (unfreezes), purchase guard, My Partner, authorization, on a fresh reseller customer.
  const budgeted = await associatedCustomer(admin);
  const budgetedId = budgeted.accountId;
  record(
    'setCustomerBudget',
    await counted(() =>
      call(
        setCustomerBudget,
        'PUT',
        `/v1/partner-center/customers/${budgetedId}/budget`,
        { monthlyBudget: 10, currency: 'USD' },
        { customerId: budgetedId },
        bearer(admin.token),
      ),
    ),
  );
  const purchase = { operation: 'renew' };
  record(
    'authorizePurchase',
    await counted(() =>
      call(authorizePurchase, 'POST', '/v1/account/purchase-authorizations', purchase, undefined, bearer(budgeted.token)),
    ),
  );
  record('getPartner', await counted(() => call(getPartner, 'GET', '/v1/partner', undefined, undefined, bearer(budgeted.token))));
  const authorization = { authorizeOperations: true };
  record(
    'setPartnerAuthorization',
    await counted(() =>
      call(setPartnerAuthorization, 'PUT', '/v1/partner/authorization', authorization, undefined, bearer(budgeted.token)),
    ),
  );

  // sdk-calls-c.test.ts: customer list (1 page), contact reveal, tags, records on both sides, on a fresh customer.
  const listed = await associatedCustomer(admin);
  const listedId = listed.accountId;
  record(
    'listPartnerCustomers',
    await counted(() => call(listPartnerCustomers, 'GET', '/v1/partner-center/customers', undefined, undefined, bearer(admin.token))),
  );
  record(
    'revealPartnerCustomerContact',
    await counted(() =>
      call(
        revealPartnerCustomerContact,
        'GET',
        `/v1/partner-center/customers/${listedId}/contact/email`,
        undefined,
        { customerId: listedId, field: 'email' },
        bearer(admin.token),
      ),
    ),
  );
  record(
    'setPartnerCustomerTags',
    await counted(() =>
      call(
        setPartnerCustomerTags,
        'PUT',
        `/v1/partner-center/customers/${listedId}/tags`,
        { tags: ['vip'] },
        { customerId: listedId },
        bearer(admin.token),
      ),
    ),
  );
  record(
    'listAssociationRecords',
    await counted(() =>
      call(listAssociationRecords, 'GET', '/v1/partner-center/association-records', undefined, undefined, bearer(admin.token)),
    ),
  );
  record(
    'listMyPartnerRecords',
    await counted(() => call(listMyPartnerRecords, 'GET', '/v1/partner/records', undefined, undefined, bearer(listed.token))),
  );

  // disassociation-sdk-calls.test.ts: checks, the customer's request with its SMS code, the partner rejects; the
  // partner's request, the customer agrees; the ticket path cancelling a pending request; a pending request lapsing.
  const ready = await readyCustomer(admin);
  record(
    'getCustomerDisassociationChecks',
    await counted(() =>
      call(
        getCustomerDisassociationChecks,
        'GET',
        `/v1/partner-center/customers/${ready.accountId}/disassociation-checks`,
        undefined,
        { customerId: ready.accountId },
        bearer(admin.token),
      ),
    ),
  );
  record(
    'getDisassociationChecks',
    await counted(() =>
      call(getDisassociationChecks, 'GET', '/v1/partner/disassociation-checks', undefined, undefined, bearer(ready.token)),
    ),
  );
  // R-PD-01: the statement is confirmed with an SMS code (purpose partner-disassociation) to the service mobile.
  pastCooldown();
  const sms = await verification('partner-disassociation', 'sms', ready.mobile, { token: ready.token });
  const asked = await counted(() =>
    call(
      requestDisassociation,
      'POST',
      '/v1/partner/disassociation-requests',
      { confirm: true, verification: sms },
      undefined,
      bearer(ready.token),
    ),
  );
  record('requestDisassociation', asked);
  const rejected = asked.value.requestId as string;
  record(
    'decideDisassociationAsPartner',
    await counted(() =>
      call(
        decideDisassociationAsPartner,
        'POST',
        `/v1/partner-center/disassociation-requests/${rejected}/decision`,
        { agree: false },
        { requestId: rejected },
        bearer(admin.token),
      ),
    ),
  );
  const partnerAsked = await counted(() => partnerRequest(admin, ready.accountId));
  record('requestCustomerDisassociation', partnerAsked);
  const agreed = partnerAsked.value.requestId;
  record(
    'decideDisassociationAsCustomer',
    await counted(() =>
      call(
        decideDisassociationAsCustomer,
        'POST',
        `/v1/partner/disassociation-requests/${agreed}/decision`,
        { agree: true },
        { requestId: agreed },
        bearer(ready.token),
      ),
    ),
  );

  const ticketed = await readyCustomer(admin);
  await partnerRequest(admin, ticketed.accountId);
  const adminItem = (await findAccount(admin.accountId))!;
  const customerItem = (await findAccount(ticketed.accountId))!;
  const consentEmail = {
    from: adminItem.email,
    to: customerItem.email,
    subject: `Approving HUAWEI CLOUD account ${customerItem.tenantName} to disassociate from partner account ${adminItem.tenantName}`,
    body: `HUAWEI CLOUD partner (account name: ${adminItem.tenantName}) agrees to cancel the association with the customer (account name: ${customerItem.tenantName}). We hereby authorize HUAWEI CLOUD to cancel the association with the customer (account name: ${customerItem.tenantName}).`,
    receivedAt: now().toISOString(), // after the association began (R-PD-09)
  };
  const ticketBody = { customerId: ticketed.accountId, ticketId: `tk_bench_${randomBytes(6).toString('hex')}`, consentEmail };
  record(
    'disassociateByTicket',
    await counted(() => call(disassociateByTicket, 'POST', '/v1/ops/partners/disassociations', ticketBody, undefined, ops)),
  );

  const lapsing = await readyCustomer(admin);
  await partnerRequest(admin, lapsing.accountId);
  // R-PD-08: the administrator turns verification protection on (no code needed to turn it on); measured last of
  // the session operations, as every partner request above would need a code after it.
  record(
    'setPartnerSettings',
    await counted(() =>
      call(setPartnerSettings, 'PUT', '/v1/partner-center/settings', { verificationProtection: true }, undefined, bearer(admin.token)),
    ),
  );
  // The scheduler's run in which the pending request lapses (30 days *default*): both sides are told.
  setClockOffset(clockOffset() + 31 * 86_400_000);
  const expiry = await counted(() => runScheduler());
  if (expiry.value.processed !== 1) throw new Error(`the expiry run processed ${expiry.value.processed} items, not 1`);
  record('scheduler: disassociation expiry', expiry);
  return out;
}
