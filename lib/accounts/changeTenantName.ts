/** R-AI-02, R-AI-03: 3 changes per rolling year; the old name is released (IAM login by it stops). */
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import { Conflict, RuleViolation } from '../core/errors.js';
import { changeAccount, invalid } from './change-account.js';
import { tenantNameQuota } from './info-rules.js';
import { claimValue, tenantNameProblems } from './rules.js';
import { moveClaim } from './store.js';

export async function changeTenantName(caller: AccountCaller, input: { tenantName: string }) {
  const { tenantName } = input;
  invalid('tenantName', tenantNameProblems(tenantName));
  let left = 0;
  const updated = await changeAccount(
    caller,
    'changeTenantName',
    (account) => {
      if (account.tenantName === tenantName) throw new Conflict('STATE_CONFLICT', 'This is already the tenant name.');
      const at = now();
      const quota = tenantNameQuota((account.tenantNameChanges as string[] | undefined) ?? [], at);
      if (quota.left === 0) {
        throw new RuleViolation('QUOTA_EXCEEDED', 'The tenant name can change 3 times per year.', [
          { condition: 'tenant-name-changes', message: `No changes left; the next is possible from ${quota.nextAllowedAt}.` },
        ]);
      }
      left = quota.left - 1;
      return {
        set: { tenantName, tenantNameChanges: [...quota.recent, at.toISOString()] },
        // The quota was judged on the change list, the claim moved from the name read.
        read: ['tenantName', 'tenantNameChanges'],
        extra: moveClaim('TENANT', claimValue.name(account.tenantName), claimValue.name(tenantName), account.accountId),
        changes: [{ field: 'tenantName', old: account.tenantName, new: tenantName }],
      };
    },
    (failure) => (failure.failed('claim') ? new Conflict('TENANT_NAME_TAKEN', 'This tenant name is taken.') : undefined),
  );
  return { tenantName: updated.tenantName, changesLeftThisYear: left };
}
