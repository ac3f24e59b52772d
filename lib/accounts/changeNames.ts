/** R-AI-06: names are editable only while not authenticated, and must fit the account type. */
import type { AccountCaller } from '../core/caller.js';
import { RuleViolation } from '../core/errors.js';
import { changeAccount } from './change-account.js';
import { nameEditFailures } from './info-rules.js';

export async function changeNames(caller: AccountCaller, input: { fullName?: string; enterpriseName?: string }) {
  const field = input.fullName !== undefined ? 'fullName' : 'enterpriseName';
  const value = (input.fullName ?? input.enterpriseName)!;
  await changeAccount(caller, 'changeNames', (account) => {
    const failures = nameEditFailures(account.authStatus);
    const expectedType = field === 'fullName' ? 'individual' : 'enterprise';
    if (account.accountType !== expectedType) {
      failures.push({ condition: 'account-type', message: `Set the account type to ${expectedType} first (PUT /v1/account/type).` });
    }
    if (failures.length) throw new RuleViolation('NOT_ALLOWED', 'The name cannot be changed now.', failures);
    return { set: { [field]: value }, read: ['authStatus', 'accountType', field], changes: [{ field, old: account[field], new: value }] };
  });
  return { [field]: value };
}
