/**
 * Issue 12 "Feeds other rules through the facts loader": with REAL enterprise associations (invited and accepted
 * through the enterprise use cases), the closure check (R-CL-03), the partner association preconditions
 * (R-PA-02/03) and the partner disassociation checks (R-PD-02 customer side, R-PD-05 partner side) read the
 * enterprise facts lib/enterprise writes and lib/core/checks/store.ts loadFacts derives (a master's member
 * counters; a master's unified members' service support plans, read at read time).
 */
import { describe, expect, it } from 'vitest';
import { handler as associate } from '../../../functions/partners/associatePartner.js';
import { handler as partnerChecksHandler } from '../../../functions/partners/getCustomerDisassociationChecks.js';
import type { AccountingMode } from '../../../lib/enterprise/kinds.js';
import { activeAccount, putStanding, runCheck } from '../../support/closure.js';
import { checks as customerChecks, readyCustomer } from '../../support/disassociation.js';
import { type TestAccount, acceptedMember, enabledMaster } from '../../support/enterprise.js';
import { invoke } from '../../support/http.js';
import { bearer } from '../../support/identity.js';
import { enrolledPartner, partnerInvitation } from '../../support/partners.js';

const closureFailures = (body: { groups: Array<{ failures: Array<{ condition: string }> }> }) =>
  body.groups.flatMap((g) => g.failures.map((f) => f.condition));
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

/** Who the account is in the enterprise organisation. */
type Role =
  | 'a unified member'
  | 'an independent member'
  | 'a master with a unified member'
  | 'a master with an independent member'
  | 'a master without members';

/** Makes `account` (a new active account unless given) the role, through the real enterprise use cases. */
async function as(role: Role, account?: TestAccount): Promise<{ account: TestAccount; members: TestAccount[] }> {
  const mode: AccountingMode = role.includes('unified') ? 'unified' : 'independent';
  if (!role.includes('master')) {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { accountingMode: mode, ...(account ? { account } : {}) });
    return { account: member, members: [] };
  }
  const master = await enabledMaster(account ? { account } : {});
  if (role === 'a master without members') return { account: master, members: [] };
  const { member } = await acceptedMember(master, { accountingMode: mode });
  return { account: master, members: [member] };
}

const associateWith = async (
  customer: { token: string },
  partner: Awaited<ReturnType<typeof enrolledPartner>>,
  model: 'reseller' | 'referral',
) =>
  invoke(associate, {
    method: 'POST',
    path: '/v1/partner/association',
    headers: bearer(customer.token),
    body: { invitationToken: (await partnerInvitation(partner, model)).token, acceptInstructions: true },
  });

const partnerChecks = (staff: { token: string }, customerId: string) =>
  invoke(partnerChecksHandler, {
    method: 'GET',
    path: `/v1/partner-center/customers/${customerId}/disassociation-checks`,
    pathParameters: { customerId },
    headers: bearer(staff.token),
  });

describe('enterprise facts feed the other rules through the facts loader (issue 12)', () => {
  it.each<[Role, string[]]>([
    ['a unified member', ['enterprise-associated']],
    ['an independent member', ['enterprise-associated']],
    ['a master with a unified member', ['enterprise-associated']],
    ['a master with an independent member', ['enterprise-associated']],
    ['a master without members', []],
  ])('R-CL-03: the closure check of %s fails with %j (a master without members passes)', async (role, expected) => {
    const { account } = await as(role);
    const res = await runCheck(account);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(closureFailures(res.body)).toEqual(expected);
    expect(res.body.passed).toBe(expected.length === 0);
  });

  it.each<[Role, RegExp]>([
    ['a unified member', /Ask your enterprise master account to disassociate/],
    ['a master with an independent member', /Disassociate your member accounts first/],
  ])('R-CL-03, R-MM-01: the enterprise-associated failure of %s says what that side must do (%s)', async (role, advice) => {
    const { account } = await as(role);
    const res = await runCheck(account);
    const failure = (res.body.groups as Array<{ failures: Array<{ condition: string; message: string }> }>)
      .flatMap((g) => g.failures)
      .find((f) => f.condition === 'enterprise-associated');
    expect(failure?.message, JSON.stringify(res.body)).toMatch(advice);
  });

  it.each<[string, Role, 'reseller' | 'referral', string[]]>([
    ['R-PA-02', 'a unified member', 'referral', ['unified-accounting-member']],
    ['R-PA-02 R-PA-03', 'a unified member', 'reseller', ['unified-accounting-member', 'enterprise-member']],
    ['R-PA-02', 'an independent member', 'referral', []],
    ['R-PA-03', 'an independent member', 'reseller', ['enterprise-member']],
    ['R-PA-03', 'a master with an independent member', 'reseller', ['master-with-independent-members']],
    ['R-PA-03', 'a master with an independent member', 'referral', []],
    ['R-PA-03', 'a master with a unified member', 'reseller', []],
  ])('%s: %s associating in the %s model is refused with %j (empty: associated)', async (_rule, role, model, expected) => {
    const partner = await enrolledPartner();
    const { account } = await as(role);
    const res = await associateWith(account, partner, model);
    if (expected.length === 0) {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return;
    }
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(conditions(res.body)).toEqual(expected);
  });

  it.each<[string, Role, 'reseller' | 'referral', string[], string[]]>([
    [
      'R-PD-02 R-PD-05',
      'a master with an independent member',
      'reseller',
      ['enterprise-associated', 'independent-members'],
      ['independent-members'],
    ],
    ['R-PD-02', 'a master with a unified member', 'reseller', ['enterprise-associated'], []],
    ['R-PD-02', 'a master without members', 'reseller', [], []],
    ['R-PD-02', 'an independent member', 'referral', ['not-reseller', 'enterprise-associated'], []],
  ])(
    '%s: the disassociation checks of a partner customer that is %s (%s): customer side %j, partner side %j',
    async (_rule, role, model, customerSide, partnerSide) => {
      const partner = await enrolledPartner();
      let customer: TestAccount;
      if (role.includes('master')) {
        // A partner customer that then enables Enterprise Center and gets members.
        customer = await readyCustomer(partner, { model });
        await as(role, customer);
      } else {
        // A member that then associates with a partner (referral: R-PA-02/03 allow only that).
        customer = (await as(role, await activeAccount())).account;
        expect((await associateWith(customer, partner, model)).status).toBe(201);
      }
      const mine = await customerChecks(customer);
      expect(mine.status, JSON.stringify(mine.body)).toBe(200);
      expect(conditions(mine.body)).toEqual(expect.arrayContaining(customerSide));
      expect(conditions(mine.body).filter((c) => ['not-reseller', 'enterprise-associated', 'independent-members'].includes(c))).toEqual(
        customerSide,
      );
      const theirs = await partnerChecks(partner.admin, customer.accountId);
      expect(theirs.status, JSON.stringify(theirs.body)).toBe(200);
      expect(conditions(theirs.body)).toEqual(partnerSide);
    },
  );

  it("R-PD-05: a master whose unified-accounting member has a valid service support plan fails the partner-side check (unified-members-service-support, read from the members' standings at read time); an independent member's plan does not count; it passes once the plan ends", async () => {
    const partner = await enrolledPartner();
    const customer = await readyCustomer(partner);
    const { members } = await as('a master with a unified member', customer);
    const { member: independent } = await acceptedMember(customer, { accountingMode: 'independent' });
    await putStanding(independent.accountId, { serviceSupportPlan: true });
    const clean = await partnerChecks(partner.admin, customer.accountId);
    expect(conditions(clean.body)).toEqual(['independent-members']);

    await putStanding(members[0]!.accountId, { serviceSupportPlan: true });
    const failing = await partnerChecks(partner.admin, customer.accountId);
    expect(failing.status).toBe(200);
    expect(conditions(failing.body)).toEqual(['independent-members', 'unified-members-service-support']);

    await putStanding(members[0]!.accountId, { serviceSupportPlan: false });
    expect(conditions((await partnerChecks(partner.admin, customer.accountId)).body)).toEqual(['independent-members']);
  });
});
