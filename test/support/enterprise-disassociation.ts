/**
 * Issue 12: member disassociation and member accounts the master creates, through their handlers
 * (requestMemberDisassociation, cancelMemberDisassociation, decideMemberDisassociation, createEnterpriseMember).
 */
import { handler as paymentHandler } from '../../functions/accounts/recordPaymentMethod.js';
import { handler as cancelHandler } from '../../functions/enterprise/cancelMemberDisassociation.js';
import { handler as createHandler } from '../../functions/enterprise/createEnterpriseMember.js';
import { handler as decideHandler } from '../../functions/enterprise/decideMemberDisassociation.js';
import { handler as requestHandler } from '../../functions/enterprise/requestMemberDisassociation.js';
import type { AccountingMode, Permission } from '../../lib/enterprise/kinds.js';
import { invoke } from './http.js';
import { PASSWORD, bearer, uniqueEmail, verificationFor } from './identity.js';

/** The master asks to end the association with `memberId` (the raw answer). */
export function requestDisassociation(master: { token: string }, memberId: string) {
  return invoke(requestHandler, {
    method: 'POST',
    path: `/v1/enterprise/members/${memberId}/disassociation-requests`,
    pathParameters: { memberId },
    headers: bearer(master.token),
  });
}

/** The master cancels its request (the raw answer). */
export function cancelDisassociation(master: { token: string }, requestId: string) {
  return invoke(cancelHandler, {
    method: 'DELETE',
    path: `/v1/enterprise/disassociation-requests/${requestId}`,
    pathParameters: { requestId },
    headers: bearer(master.token),
  });
}

/** The member agrees or rejects (the raw answer). */
export function decideDisassociation(member: { token: string }, requestId: string, accept = true) {
  return invoke(decideHandler, {
    method: 'POST',
    path: `/v1/master-account/disassociation-requests/${requestId}/decision`,
    pathParameters: { requestId },
    headers: bearer(member.token),
    body: { accept },
  });
}

/** The master creates a member account (the raw answer); the `signup` code is sent to `email` like a sign-up. */
export async function createMember(
  master: { token: string },
  opts: { email?: string; accountingMode?: AccountingMode; permissions?: Permission[] } = {},
) {
  const email = opts.email ?? uniqueEmail('member');
  const verification = await verificationFor('signup', 'email', email, { destination: email });
  const res = await invoke(createHandler, {
    method: 'POST',
    path: '/v1/enterprise/members',
    headers: bearer(master.token),
    body: {
      countryRegion: 'DE',
      email,
      password: PASSWORD,
      verification,
      accountingMode: opts.accountingMode ?? 'unified',
      ...(opts.permissions ? { permissions: opts.permissions } : {}),
    },
  });
  return { res, email };
}

/** An operator records the account's payment-method binding (the raw answer). */
export function recordPaymentMethod(accountId: string, status: 'none' | 'bound' | 'failed') {
  return invoke(paymentHandler, {
    method: 'PUT',
    path: `/v1/ops/accounts/${accountId}/payment-method`,
    pathParameters: { accountId },
    headers: { 'x-operator-key': 'test-operator-key' },
    body: { status },
  });
}
