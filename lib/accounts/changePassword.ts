/** R-LI-05: a password change revokes every other session; the owner is told (R-AI-13); audited. */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { InvalidCredentials } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { EDITABLE } from '../core/account-status.js';
import { staleAccount } from './account.js';
import { noticePasswordChanged } from './notices.js';
import { hashPassword, verifyPassword } from './password.js';
import { PASSWORD_CONTEXT, checkNewPassword } from './password-rules.js';
import { accountUpdate, loadAccount, sessionEpochUpdate } from './store.js';

export async function changePassword(caller: AccountCaller, input: { currentPassword: string; newPassword: string }) {
  const account = await loadAccount(caller.accountId);
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) throw new InvalidCredentials();
  checkNewPassword(account, input.newPassword, 'newPassword');
  const epoch = account.sessionEpoch + 1;
  await transact(
    [
      accountUpdate(
        account,
        { passwordHash: await hashPassword(input.newPassword), sessionEpoch: epoch },
        { expectStatus: EDITABLE, read: ['passwordHash', 'sessionEpoch', ...PASSWORD_CONTEXT] },
      ),
      // The session that changed the password moves to the new epoch; every other one is void.
      sessionEpochUpdate(caller.sessionKey, epoch),
      auditWrite({ accountId: account.accountId, traceName: 'changePassword', request: caller.origin, result: 'success' }),
    ],
    staleAccount,
  );
  await noticePasswordChanged(account);
}
