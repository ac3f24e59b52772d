/** R-CL-07, R-CL-08, R-CL-13: the customer disables closed cloud services for good, with a code, unless held or owing. */
import { staleAccount } from '../accounts/account.js';
import { requireAccount } from '../accounts/store.js';
import type { AccountCaller } from '../core/caller.js';
import { InvalidCode, RuleViolation } from '../core/errors.js';
import { ConditionFailed, tagged } from '../core/store/writes.js';
import { checkCode } from '../accounts/codes.js';
import { assertActionsAllowed, notAllowed } from './conditions.js';
import { HUAWEI_ID_NOTE, disableAccount } from './disable.js';
import { disableBlockers } from './rules.js';
import { loadStanding } from './store.js';

export async function disableServices(caller: AccountCaller, input: { verification: { challengeId: string; code: string } }) {
  const account = await requireAccount(caller.accountId);
  assertActionsAllowed(account);
  if (account.closureHold) {
    throw notAllowed(
      'closure-held',
      'Customer service has put this closure on hold; contact them before disabling.',
      'The closure is on hold.',
    );
  }
  const blockers = disableBlockers((await loadStanding(account.accountId)).standing);
  if (blockers.length) throw new RuleViolation('NOT_ALLOWED', 'Pay all outstanding amounts before disabling.', blockers);
  const { consume } = await checkCode({
    ...input.verification,
    purpose: 'disable-services',
    accountId: account.accountId,
    sessionScoped: true,
  });
  try {
    const { disabledAt } = await disableAccount(caller, account, { with: [tagged('code', consume)] });
    return { status: 'disabled' as const, disabledAt, huaweiId: HUAWEI_ID_NOTE };
  } catch (error) {
    if (error instanceof ConditionFailed) throw error.failed('code') ? new InvalidCode() : staleAccount();
    throw error;
  }
}
