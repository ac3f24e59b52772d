/**
 * Issue 13 item 3 (R-RN-03, R-RA-05): the account's real-name view. `authenticated` iff an approved authentication is
 * in force (it stays what is shown while a re-authentication is pending); else `pending` while an application is
 * under review; else `none`. Details without hashes (last 4 only); the last decision without the operator.
 */
import { loadAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { type RealNameApplication, shownDetails } from './model.js';
import { loadApplication, realNameState } from './store.js';

export async function getRealName(caller: AccountCaller) {
  const accountId = caller.accountId;
  const [account, state] = await Promise.all([loadAccount(accountId), realNameState(accountId)]);
  const pendingId = (account.realNamePending as { applicationId?: string } | undefined)?.applicationId;
  const lastId = state.lastDecision?.applicationId;
  const [pending, last] = await Promise.all([
    pendingId ? loadApplication(pendingId) : undefined,
    lastId && state.lastDecision?.reasons?.some((r) => r.materialId) ? loadApplication(lastId) : undefined,
  ]);
  const pendingApp = pending && pending.accountId === accountId && pending.status === 'pending' ? pending : undefined;
  return {
    authStatus: state.current ? ('authenticated' as const) : pendingApp ? ('pending' as const) : ('none' as const),
    ...(state.current
      ? {
          current: {
            kind: state.current.kind,
            ...shownDetails(state.current.details),
            approvedAt: state.current.approvedAt,
          },
        }
      : {}),
    ...(pendingApp
      ? {
          pendingApplication: {
            applicationId: pendingApp.applicationId,
            kind: pendingApp.kind,
            status: 'pending' as const,
            submittedAt: pendingApp.submittedAt,
            reviewDueBy: pendingApp.reviewDueBy,
            overdue: pendingApp.overdue === true,
          },
        }
      : {}),
    ...(state.lastDecision
      ? {
          lastDecision: {
            applicationId: state.lastDecision.applicationId,
            kind: state.lastDecision.kind,
            status: state.lastDecision.status,
            at: state.lastDecision.at,
            reasons: (state.lastDecision.reasons ?? []).map((r) => ({
              code: r.code,
              ...(r.materialId ? { materialId: r.materialId } : {}),
              ...(r.materialId && slotOf(last, r.materialId) ? { slot: slotOf(last, r.materialId) } : {}),
              ...(r.note ? { note: r.note } : {}),
            })),
          },
        }
      : {}),
  };
}

function slotOf(app: RealNameApplication | undefined, materialId: string): string | undefined {
  if (!app) return undefined;
  if (app.applicationForm === materialId) return 'applicationForm';
  return Object.entries(app.materials).find(([, id]) => id === materialId)?.[0];
}
