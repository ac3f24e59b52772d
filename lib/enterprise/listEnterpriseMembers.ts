/**
 * listEnterpriseMembers (issue 12 route 12): the master's members, a bounded page at a time, each with its
 * accounting mode (R-MM-06), granted permissions (R-MM-08), whether the master created it (R-MM-05) and the
 * pending disassociation request, if any (R-MM-02). Master only (403 otherwise).
 */
import type { AccountCaller } from '../core/caller.js';
import { requireMaster } from './invitation.js';
import { listMembers, openDisassociationsOf } from './store.js';

export async function listEnterpriseMembers(caller: AccountCaller, q: { limit?: number; cursor?: string }) {
  await requireMaster(caller);
  const page = await listMembers(caller.accountId, q);
  const pending = await openDisassociationsOf(
    caller.accountId,
    page.items.map((m) => m.memberAccountId),
  );
  const items = page.items.map((m) => {
    const request = pending.get(m.memberAccountId);
    return {
      memberAccountId: m.memberAccountId,
      accountingMode: m.accountingMode,
      permissions: m.permissions,
      requestedPermissions: m.requestedPermissions,
      associatedAt: m.associatedAt,
      createdByMaster: m.createdByMaster,
      ...(request ? { pendingDisassociation: { requestId: request.requestId, createdAt: request.createdAt } } : {}),
    };
  });
  return { items, ...(page.cursor ? { nextCursor: page.cursor } : {}) };
}
