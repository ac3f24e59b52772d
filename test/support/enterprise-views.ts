/**
 * Issue 12 (routes 4, 5, 7, 12, 13, 14): calls of the enterprise views over their real handlers, and the two state
 * changes the views read that other items own (a pending disassociation request, an ended association), made
 * through the core handshake store and the enterprise store so these tests do not wait for those routes.
 */
import { handler as windowsHandler } from '../../functions/enterprise/getMemberOrderWindows.js';
import { handler as masterAccountHandler } from '../../functions/enterprise/getMasterAccount.js';
import { handler as invitationsHandler } from '../../functions/enterprise/listEnterpriseInvitations.js';
import { handler as membersHandler } from '../../functions/enterprise/listEnterpriseMembers.js';
import { handler as enterpriseRecordsHandler } from '../../functions/enterprise/listEnterpriseRecords.js';
import { handler as memberRecordsHandler } from '../../functions/enterprise/listMasterAccountRecords.js';
import { handler as permissionsHandler } from '../../functions/enterprise/setMasterPermissions.js';
import { nowIso } from '../../lib/core/clock.js';
import { newId } from '../../lib/core/crypto.js';
import { createHandshake } from '../../lib/core/handshake/store.js';
import { transact } from '../../lib/core/store/writes.js';
import { accountActor, enterpriseLogWrites } from '../../lib/enterprise/association-log.js';
import { ENTERPRISE_DISASSOCIATION } from '../../lib/enterprise/kinds.js';
import { loadMember, memberEndWrites } from '../../lib/enterprise/store.js';
import { invoke } from './http.js';
import { bearer } from './identity.js';

type Query = Record<string, string>;
const get = (handler: Parameters<typeof invoke>[0], path: string, token: string, query?: Query, pathParameters?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path,
    headers: bearer(token),
    ...(query ? { query } : {}),
    ...(pathParameters ? { pathParameters } : {}),
  });

export const masterAccount = (account: { token: string }) => get(masterAccountHandler, '/v1/master-account', account.token);
export const enterpriseMembers = (master: { token: string }, query?: Query) =>
  get(membersHandler, '/v1/enterprise/members', master.token, query);
export const enterpriseInvitations = (master: { token: string }, query?: Query) =>
  get(invitationsHandler, '/v1/enterprise/invitations', master.token, query);
export const enterpriseRecords = (master: { token: string }, query?: Query) =>
  get(enterpriseRecordsHandler, '/v1/enterprise/records', master.token, query);
export const masterAccountRecords = (member: { token: string }, query?: Query) =>
  get(memberRecordsHandler, '/v1/master-account/records', member.token, query);
export const orderWindows = (master: { token: string }, memberId: string) =>
  get(windowsHandler, `/v1/enterprise/members/${memberId}/order-windows`, master.token, undefined, { memberId });

export const setPermissions = (member: { token: string }, permissions: unknown) =>
  invoke(permissionsHandler, {
    method: 'PUT',
    path: '/v1/master-account/permissions',
    headers: bearer(member.token),
    body: { permissions },
  });

/** A pending disassociation request from the master to its member, opened through the core handshake store. */
export async function pendingDisassociation(masterId: string, memberId: string): Promise<string> {
  const opened = await createHandshake(ENTERPRISE_DISASSOCIATION, {
    id: newId('ed_'),
    initiator: { id: masterId, role: 'master' },
    counterparty: { id: memberId, role: 'member' },
    payload: { masterAccountId: masterId, memberAccountId: memberId },
  });
  if (!opened.ok) throw new Error(opened.reason);
  return opened.request.id;
}

/** Ends an association as the disassociation transaction does (the enterprise store's memberEndWrites), logged. */
export async function endAssociation(masterId: string, memberId: string, options: { awaitingPaymentMethod?: boolean } = {}) {
  const row = await loadMember(masterId, memberId);
  if (!row) throw new Error('not a member');
  const at = nowIso();
  await transact([
    ...memberEndWrites(row, at, options),
    ...enterpriseLogWrites(
      { masterAccountId: masterId, memberAccountId: memberId, accountingMode: row.accountingMode },
      { event: 'disassociated', actor: accountActor(memberId), time: at },
    ),
  ]);
  return { from: row.associatedAt, to: at };
}
