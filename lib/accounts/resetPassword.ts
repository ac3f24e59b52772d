/** R-LI-08: reset by code: all sessions revoked, lockout lifted (R-SEC-01); the owner is told; audited. */
import { auditWrite } from '../core/audit/audit.js';
import type { GuestCaller } from '../core/caller.js';
import { InvalidCode } from '../core/errors.js';
import { tagged, transact } from '../core/store/writes.js';
import { checkCode } from './codes.js';
import { staleAccount } from './account.js';
import { decoyAccountId, resolveIdentifierEvenly } from './identifiers.js';
import { noticePasswordChanged } from './notices.js';
import { hashPassword } from './password.js';
import { PASSWORD_CONTEXT, checkNewPassword } from './password-rules.js';
import { accountUpdate } from './store.js';

export async function resetPassword(
  caller: GuestCaller,
  input: { identifier: string; newPassword: string; verification: { challengeId: string; code: string } },
) {
  // Rules that do not depend on the account first; rules that do (not your email or name) only after the
  // code proved control of the account, so the answer never tells whether an identifier exists (R-SEC-03).
  checkNewPassword(undefined, input.newPassword, 'newPassword');
  // An unknown identifier costs the same reads (a decoy account ID), still spends an attempt and fails like a wrong code.
  const decoyId = decoyAccountId(input.identifier);
  const account = await resolveIdentifierEvenly(input.identifier, decoyId);
  const { consume } = await checkCode({ ...input.verification, purpose: 'password-reset', accountId: account?.accountId ?? '-' });
  if (!account) throw new InvalidCode();
  checkNewPassword(account, input.newPassword, 'newPassword');
  await transact(
    [
      tagged('code', consume),
      accountUpdate(
        account,
        { passwordHash: await hashPassword(input.newPassword), sessionEpoch: account.sessionEpoch + 1, failedAttempts: 0 },
        { remove: ['lockedAt'], expectStatus: ['registered', 'active', 'closed', 'disabled'], read: ['sessionEpoch', ...PASSWORD_CONTEXT] },
      ),
      auditWrite({ accountId: account.accountId, traceName: 'resetPassword', request: caller.origin, result: 'success' }),
    ],
    (failure) => (failure.failed('code') ? new InvalidCode() : staleAccount()),
  );
  await noticePasswordChanged(account);
}
