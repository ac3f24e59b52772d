/**
 * Issue 11: a partner and associated customers, quickly, for tests of every partners item — through the real use
 * cases over their handlers (enrollPartner, createPartnerInvitation, associatePartner, and for account managers
 * addPartnerMember + decidePartnerMembership: the invitation and the account's consent, issue 11 review finding 3).
 * Note the daily invitation cap (partnersConfig.invitationsPerDay) when one partner gets very many customers in one test.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { handler as addMemberHandler } from '../../functions/partners/addPartnerMember.js';
import { handler as associateHandler } from '../../functions/partners/associatePartner.js';
import { handler as decideMembershipHandler } from '../../functions/partners/decidePartnerMembership.js';
import { handler as invitationHandler } from '../../functions/partners/createPartnerInvitation.js';
import { handler as enrollHandler } from '../../functions/partners/enrollPartner.js';
import { newId } from '../../lib/core/crypto.js';
import type { Association, PartnerModel } from '../../lib/partners/model.js';
import { loadPartnerCustomer } from '../../lib/partners/store.js';
import * as keys from '../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../lib/core/store/table.js';
import { activeAccount } from './closure.js';
import { invoke } from './http.js';
import { bearer } from './identity.js';

/** The operator headers of the test stage. */
export const OPS = { 'x-operator-key': 'test-operator-key' };

/** Every audit trace of an account (oldest first). */
export async function tracesOf(accountId: string): Promise<Array<Record<string, any>>> {
  const out = await db().send(
    new QueryCommand({
      TableName: TABLE(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditPartition(accountId) },
    }),
  );
  return out.Items ?? [];
}

export type TestAccount = Awaited<ReturnType<typeof activeAccount>>;

export interface TestPartner {
  partnerId: string;
  name: string;
  /** The enrolled account: the partner's administrator. */
  admin: TestAccount;
}

/** An active account enrolled as a partner by an operator (its administrator). */
export async function enrolledPartner(name = `Partner ${newId().slice(-6)}`): Promise<TestPartner> {
  return enrollAsPartner(await activeAccount(), name);
}

/** Enrolls an existing active account as a partner (its administrator). */
export async function enrollAsPartner(admin: TestAccount, name = `Partner ${newId().slice(-6)}`): Promise<TestPartner> {
  const res = await invoke(enrollHandler, {
    method: 'POST',
    path: '/v1/ops/partners',
    headers: OPS,
    body: { accountId: admin.accountId, name, contacts: [{ name: 'Sales', email: 'sales@partner.example.com' }] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { partnerId: res.body.partnerId as string, name, admin };
}

/** A new invitation of the partner (its token and ID). */
export async function partnerInvitation(partner: TestPartner, model: PartnerModel = 'reseller') {
  const res = await invoke(invitationHandler, {
    method: 'POST',
    path: '/v1/partner-center/invitations',
    headers: bearer(partner.admin.token),
    body: { model },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { invitationId: string; token: string; url: string; expiresAt: string };
}

/** A new active account associated with the partner by log-in-and-associate (reseller: frozen until a budget is set). */
export async function associatedCustomer(
  partner: TestPartner,
  options: { model?: PartnerModel; authorizeOperations?: boolean } = {},
): Promise<{ customer: TestAccount; association: Association }> {
  const { token } = await partnerInvitation(partner, options.model ?? 'reseller');
  const customer = await activeAccount();
  const res = await invoke(associateHandler, {
    method: 'POST',
    path: '/v1/partner/association',
    headers: bearer(customer.token),
    body: { invitationToken: token, acceptInstructions: true, ...(options.authorizeOperations ? { authorizeOperations: true } : {}) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { customer, association: (await loadPartnerCustomer(partner.partnerId, customer.accountId))! };
}

/** The administrator invites an account to be an account manager (the raw answer: 201 pending, or a refusal). */
export function inviteMember(partner: TestPartner, accountId: string) {
  return invoke(addMemberHandler, {
    method: 'POST',
    path: '/v1/partner-center/members',
    headers: bearer(partner.admin.token),
    body: { accountId, role: 'account-manager' },
  });
}

/** The invited account accepts or rejects an invitation (the raw answer). */
export function decideMembership(account: { token: string }, requestId: string, accept: boolean) {
  return invoke(decideMembershipHandler, {
    method: 'POST',
    path: `/v1/partner-memberships/${requestId}/decision`,
    pathParameters: { requestId },
    headers: bearer(account.token),
    body: { accept },
  });
}

/** An account manager of the partner: invited by its administrator and accepted by the account (a new one unless given). */
export async function accountManager(partner: TestPartner, account?: TestAccount): Promise<TestAccount> {
  const manager = account ?? (await activeAccount());
  const invited = await inviteMember(partner, manager.accountId);
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const accepted = await decideMembership(manager, invited.body.requestId, true);
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return manager;
}
