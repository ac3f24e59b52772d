/**
 * listEnterpriseInvitations (issue 12 route 4): the invitations the master sent, newest first, a bounded page at a
 * time (R-MM-07: pending, accepted, rejected, canceled, expired; a pending one past its time shows as expired before
 * the scheduler lapses it). Master only (403 otherwise).
 */
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { listHandshakes } from '../core/handshake/store.js';
import { payloadOf, requireMaster } from './invitation.js';
import { ENTERPRISE_INVITATION } from './kinds.js';

export async function listEnterpriseInvitations(caller: AccountCaller, q: { limit?: number; cursor?: string }) {
  await requireMaster(caller);
  const at = now().toISOString();
  const page = await listHandshakes(caller.accountId, ENTERPRISE_INVITATION.kind, q);
  const items = page.items
    .filter((r) => r.initiator.id === caller.accountId)
    .map((r) => {
      const p = payloadOf(r);
      return {
        invitationId: r.id,
        memberAccountId: r.counterparty.id,
        accountingMode: p.accountingMode,
        permissions: p.permissions,
        status: r.state === 'pending' && r.expiresAt <= at ? ('expired' as const) : r.state,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt,
        ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
      };
    });
  return { items, ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}
