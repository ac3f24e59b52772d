/** R-CL-04: the last closure check result of the caller's own account. */
import type { AccountCaller } from '../core/caller.js';
import { NotFound } from '../core/errors.js';
import type { CheckResult } from './runClosureCheck.js';
import { loadLatestCheck } from './store.js';

export async function getLatestClosureCheck(caller: AccountCaller): Promise<CheckResult> {
  const check = await loadLatestCheck(caller.accountId);
  if (!check) throw new NotFound('No closure check has been run.');
  return { checkId: check.checkId, passed: check.passed, checkedAt: check.checkedAt, groups: check.groups };
}
