/**
 * getMemberOrderWindows (issue 12 route 13, R-MM-05): the windows in which an account was this master's member —
 * the former ones kept at each disassociation, and the current association as an open window — so the order
 * service shows the master every order placed in one, also after disassociation. Master only (403 otherwise); an
 * account that never was this master's member is not found (404), like another master's member.
 */
import type { AccountCaller } from '../core/caller.js';
import { NotFound } from '../core/errors.js';
import type { AccountingMode } from './kinds.js';
import { requireMaster } from './invitation.js';
import { listFormerWindows, loadMember } from './store.js';

export async function getMemberOrderWindows(caller: AccountCaller, input: { memberId: string }) {
  await requireMaster(caller);
  const [row, former] = await Promise.all([
    loadMember(caller.accountId, input.memberId),
    listFormerWindows(caller.accountId, input.memberId),
  ]);
  if (!row && !former.length) throw new NotFound();
  const windows: Array<{ from: string; to?: string; accountingMode: AccountingMode }> = [
    ...former.map((w) => ({ from: w.from, to: w.to, accountingMode: w.accountingMode })),
    ...(row ? [{ from: row.associatedAt, accountingMode: row.accountingMode }] : []),
  ].sort((a, b) => a.from.localeCompare(b.from));
  return { memberAccountId: input.memberId, windows };
}
