/** R-AI-05: the type moves only along the table in info-rules.ts; the name goes with it. */
import type { AccountCaller } from '../core/caller.js';
import { RuleViolation } from '../core/errors.js';
import { changeAccount } from './change-account.js';
import { typeMoveFailures } from './info-rules.js';

export async function changeAccountType(caller: AccountCaller, input: { accountType: 'individual' | 'enterprise'; name: string }) {
  const nameField = input.accountType === 'individual' ? 'fullName' : 'enterpriseName';
  await changeAccount(caller, 'changeAccountType', (account) => {
    const failures = typeMoveFailures(account.accountType, input.accountType, account.authStatus);
    if (failures.length) throw new RuleViolation('NOT_ALLOWED', 'This account type change is not allowed.', failures);
    return {
      set: { accountType: input.accountType, [nameField]: input.name },
      read: ['accountType', 'authStatus', nameField],
      changes: [
        { field: 'accountType', old: account.accountType, new: input.accountType },
        { field: nameField, old: account[nameField], new: input.name },
      ],
    };
  });
  return { accountType: input.accountType, [nameField]: input.name } as {
    accountType: typeof input.accountType;
    fullName?: string;
    enterpriseName?: string;
  };
}
