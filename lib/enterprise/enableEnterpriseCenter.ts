/**
 * R-MM-01: an enterprise account that has not joined the partner program enables Enterprise Center (it becomes a
 * master). Idempotent: enabling again answers the same. The conditions (./rules.ts ENABLE_CONDITIONS) are judged on
 * the account and its facts; the profile, the `enterpriseMaster` fact (refused while the account is a member: a
 * racing acceptance cannot make a master a member), the log entry and the audit trace are one transaction.
 */
import { loadAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { enterpriseMasterSet, loadFacts } from '../core/checks/store.js';
import { nowIso } from '../core/clock.js';
import { ConditionFailed, transact } from '../core/store/writes.js';
import { accountActor, enterpriseLogWrites, masterView } from './association-log.js';
import { checkFailed } from './invitation.js';
import { enableFailures } from './rules.js';
import { accountActive, loadProfile, profilePut } from './store.js';

const ENABLED = { master: true as const };

export async function enableEnterpriseCenter(caller: AccountCaller) {
  const [account, facts, profile] = await Promise.all([
    loadAccount(caller.accountId),
    loadFacts(caller.accountId),
    loadProfile(caller.accountId),
  ]);
  if (profile) return ENABLED;
  const failures = enableFailures({ accountType: account.accountType, facts });
  if (failures.length) throw checkFailed(failures, 'Enterprise Center cannot be enabled.');
  const at = nowIso();
  try {
    await transact([
      profilePut({
        masterAccountId: caller.accountId,
        enterpriseName: account.enterpriseName ?? account.tenantName,
        enabledAt: at,
        openInvitations: 0,
        version: 1,
      }),
      enterpriseMasterSet(caller.accountId),
      accountActive(caller.accountId),
      ...enterpriseLogWrites(
        { masterAccountId: caller.accountId, memberAccountId: caller.accountId },
        { event: 'enterprise-center-enabled', actor: accountActor(caller.accountId), time: at },
        [masterView(caller.accountId)],
      ),
      auditWrite({
        accountId: caller.accountId,
        traceName: 'enableEnterpriseCenter',
        request: caller.origin,
        result: 'success',
        changes: [{ field: 'enterpriseCenter', new: 'enabled' }],
      }),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    // Enabled meanwhile by a parallel request: the same answer.
    if (error.failed('profile')) return ENABLED;
    if (error.failed('facts')) {
      // It became a member, or joined the partner program (R-MM-01), meanwhile: name which.
      const now = enableFailures({ accountType: account.accountType, facts: await loadFacts(caller.accountId) });
      throw checkFailed(
        now.length ? now : [{ condition: 'enterprise-member', message: 'The account became a member of an enterprise master meanwhile.' }],
      );
    }
    if (error.failed('account')) throw checkFailed([{ condition: 'account-inactive', message: 'The account is not active.' }]);
    throw error;
  }
  return ENABLED;
}
