/** R-AI-04: the login ID can change once; the owner is told (R-AI-13). */
import type { AccountCaller } from '../core/caller.js';
import { Conflict, RuleViolation } from '../core/errors.js';
import { changeAccount, invalid } from './change-account.js';
import { claimValue, loginIdProblems } from './rules.js';
import { noticeContactChanged } from './service-contact.js';
import { moveClaim } from './store.js';

export async function changeLoginId(caller: AccountCaller, input: { loginId: string }) {
  const { loginId } = input;
  invalid('loginId', loginIdProblems(loginId));
  const updated = await changeAccount(
    caller,
    'changeLoginId',
    (account) => {
      if (account.loginIdChanged) {
        throw new RuleViolation('NOT_ALLOWED', 'The login ID can be changed only once.', [
          { condition: 'login-id-changed', message: 'The login ID was already changed once; it is final.' },
        ]);
      }
      return {
        set: { loginId, loginIdChanged: true },
        read: ['loginId', 'loginIdChanged'],
        extra: moveClaim('LOGINID', claimValue.name(account.loginId), claimValue.name(loginId), account.accountId),
        changes: [{ field: 'loginId', old: account.loginId, new: loginId }],
      };
    },
    (failure) => (failure.failed('claim') ? new Conflict('LOGIN_ID_TAKEN', 'This login ID is taken.') : undefined),
  );
  await noticeContactChanged(updated, 'loginId'); // R-AI-13
  return { loginId: updated.loginId };
}
