/**
 * Issue 13 item 4 (R-RN-03): the applicant withdraws its own pending application (another account's: 404; not
 * pending: 422 `not-pending`). One transaction: the application withdrawn (condition: still pending), both queue rows
 * and the review timer deleted, the account's pointer removed (`authStatus` back to unauthenticated for a first
 * authentication), the audit trace.
 */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { nowIso } from '../core/clock.js';
import { NotFound, RuleViolation } from '../core/errors.js';
import { ConditionFailed, transact } from '../core/store/writes.js';
import { loadApplication, withdrawWrites } from './store.js';

export const notPending = () =>
  new RuleViolation('NOT_ALLOWED', 'The application is no longer pending.', [
    { condition: 'not-pending', message: 'Only a pending application can be withdrawn or decided; see GET /v1/real-name.' },
  ]);

export async function withdrawRealNameApplication(caller: AccountCaller, input: { applicationId: string }) {
  const app = await loadApplication(input.applicationId);
  // R-SEC-05: another account's application is simply not found.
  if (!app || app.accountId !== caller.accountId) throw new NotFound('No such application.');
  if (app.status !== 'pending') throw notPending();
  try {
    await transact([
      ...withdrawWrites(app, nowIso(), { accountId: caller.accountId }),
      auditWrite({
        accountId: caller.accountId,
        traceName: 'withdrawRealNameApplication',
        request: caller.origin,
        result: 'success',
        changes: [{ field: 'realNameApplication', old: app.applicationId, new: 'withdrawn' }],
      }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && (error.failed('application') || error.failed('account'))) throw notPending();
    throw error;
  }
  return { applicationId: app.applicationId, status: 'withdrawn' as const };
}
