/**
 * Issue 12: enterprise masters and members, quickly, for tests of every enterprise item — through the real use
 * cases over their handlers (changeAccountType to enterprise, enableEnterpriseCenter, inviteEnterpriseMember,
 * decideEnterpriseInvitation, cancelEnterpriseInvitation).
 */
import { expect } from 'vitest';
import { handler as typeHandler } from '../../functions/accounts/changeAccountType.js';
import { handler as cancelHandler } from '../../functions/enterprise/cancelEnterpriseInvitation.js';
import { handler as decideHandler } from '../../functions/enterprise/decideEnterpriseInvitation.js';
import { handler as enableHandler } from '../../functions/enterprise/enableEnterpriseCenter.js';
import { handler as inviteHandler } from '../../functions/enterprise/inviteEnterpriseMember.js';
import { newId } from '../../lib/core/crypto.js';
import type { AccountingMode, Permission } from '../../lib/enterprise/kinds.js';
import { activeAccount } from './closure.js';
import { invoke } from './http.js';
import { bearer } from './identity.js';

export type TestAccount = Awaited<ReturnType<typeof activeAccount>>;
export type TestMaster = TestAccount & { enterpriseName: string };

/** Sets the account type (the raw answer). */
export function setAccountType(
  account: { token: string },
  accountType: 'individual' | 'enterprise',
  name = `Enterprise ${newId().slice(-6)}`,
) {
  return invoke(typeHandler, { method: 'PUT', path: '/v1/account/type', headers: bearer(account.token), body: { accountType, name } });
}

/** Enables Enterprise Center (the raw answer). */
export function enable(account: { token: string }) {
  return invoke(enableHandler, { method: 'POST', path: '/v1/enterprise-center', headers: bearer(account.token) });
}

/** An active enterprise-type account with Enterprise Center enabled (a new one unless given). */
export async function enabledMaster(opts: { account?: TestAccount; enterpriseName?: string } = {}): Promise<TestMaster> {
  const account = opts.account ?? (await activeAccount());
  const enterpriseName = opts.enterpriseName ?? `Enterprise ${newId().slice(-6)}`;
  const typed = await setAccountType(account, 'enterprise', enterpriseName);
  expect(typed.status, JSON.stringify(typed.body)).toBe(200);
  const res = await enable(account);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { ...account, enterpriseName };
}

export interface InviteOptions {
  accountingMode?: AccountingMode;
  permissions?: Permission[];
  /** The Idempotency-Key header. */
  idempotencyKey?: string;
}

/** The master invites an account (the raw answer: 201 pending, or a refusal). */
export function invite(master: { token: string }, member: { accountId: string } | string, opts: InviteOptions = {}) {
  const memberAccountId = typeof member === 'string' ? member : member.accountId;
  return invoke(inviteHandler, {
    method: 'POST',
    path: '/v1/enterprise/invitations',
    headers: { ...bearer(master.token), ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}) },
    body: {
      memberAccountId,
      accountingMode: opts.accountingMode ?? 'unified',
      ...(opts.permissions ? { permissions: opts.permissions } : {}),
    },
  });
}

/** The invited account decides (the raw answer); `body` defaults to accepting with the agreement and no permissions. */
export function decide(
  member: { token: string },
  invitationId: string,
  body: Record<string, unknown> = { accept: true, acceptAgreement: true },
) {
  return invoke(decideHandler, {
    method: 'POST',
    path: `/v1/master-account/invitations/${invitationId}/decision`,
    pathParameters: { invitationId },
    headers: bearer(member.token),
    body,
  });
}

/** The master cancels an invitation (the raw answer). */
export function cancelInvitation(master: { token: string }, invitationId: string) {
  return invoke(cancelHandler, {
    method: 'DELETE',
    path: `/v1/enterprise/invitations/${invitationId}`,
    pathParameters: { invitationId },
    headers: bearer(master.token),
  });
}

/**
 * A member of the master: a new active account (unless given) invited with `opts` and accepting with the agreement,
 * granting `grant` (default: every requested permission).
 */
export async function acceptedMember(
  master: { token: string },
  opts: InviteOptions & { account?: TestAccount; grant?: Permission[] } = {},
): Promise<{ member: TestAccount; invitationId: string }> {
  const member = opts.account ?? (await activeAccount());
  const invited = await invite(master, member, opts);
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const invitationId = invited.body.invitationId as string;
  const accepted = await decide(member, invitationId, {
    accept: true,
    acceptAgreement: true,
    grantPermissions: opts.grant ?? opts.permissions ?? [],
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { member, invitationId };
}
