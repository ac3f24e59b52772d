/**
 * Password change (R-LI-05: other sessions revoked) and reset by code (R-LI-08: all sessions revoked,
 * lockout lifted, R-SEC-01). Both notify the contact (R-AI-13) and write an audit trace.
 */
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import { InvalidCode, InvalidCredentials, ValidationFailed } from '../core/errors.js';
import type { RequestInfo, Session } from '../core/http/route.js';
import { sendAccountNotice } from '../recipients/notices.js';
import { keys } from '../core/store/keys.js';
import { TABLE } from '../core/store/table.js';
import { transact } from '../core/store/writes.js';
import { checkCode } from '../verification/challenges.js';
import { type AccountItem, accountUpdate, requireAccount, staleAccount } from './account.js';
import { decoyAccountId } from '../verification/decoys.js';
import { resolveIdentifierEvenly } from './identifiers.js';
import { hashPassword, verifyPassword } from './password.js';
import { fieldErrors, passwordProblems } from './rules.js';

function checkNewPassword(account: AccountItem | undefined, password: string, path: string): void {
  // A HUAWEI ID whose cloud services are disabled has no tenant name any more (R-CL-11).
  const context = account ? [account.email, account.email.split('@')[0] ?? '', account.loginId, account.tenantName].filter((c): c is string => Boolean(c)) : [];
  const errors = fieldErrors({ [path]: passwordProblems(password, context) });
  if (errors.length) throw new ValidationFailed(errors);
}

async function noticePasswordChanged(account: AccountItem): Promise<void> {
  await sendAccountNotice(
    account,
    { channel: 'email', to: account.serviceEmail ?? account.email, language: account.preferences.messageLanguage, timeZone: account.preferences.timeZone },
    'contact-changed',
    { field: account.preferences.messageLanguage === 'zh' ? '密码' : 'password', time: nowIso() },
  );
}

export async function changePassword(session: Session, input: { currentPassword: string; newPassword: string }, request: RequestInfo) {
  const account = await requireAccount(session.accountId);
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) throw new InvalidCredentials();
  checkNewPassword(account, input.newPassword, 'newPassword');
  const epoch = account.sessionEpoch + 1;
  await transact(
    [
      accountUpdate(account, { passwordHash: await hashPassword(input.newPassword), sessionEpoch: epoch }, { expectStatus: ['registered', 'active'] }),
      // The session that changed the password moves to the new epoch; every other one is void.
      {
        Update: {
          TableName: TABLE(),
          Key: keys.session(session.sessionKey),
          UpdateExpression: 'SET epoch = :epoch',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':epoch': epoch },
        },
      },
      auditWrite({ accountId: account.accountId, traceName: 'changePassword', request, result: 'success' }),
    ],
    staleAccount,
  );
  await noticePasswordChanged(account);
}

export async function resetPassword(
  input: { identifier: string; newPassword: string; verification: { challengeId: string; code: string } },
  request: RequestInfo,
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
      consume,
      accountUpdate(
        account,
        { passwordHash: await hashPassword(input.newPassword), sessionEpoch: account.sessionEpoch + 1, failedAttempts: 0 },
        { remove: ['lockedAt'], expectStatus: ['registered', 'active', 'closed', 'disabled'] },
      ),
      auditWrite({ accountId: account.accountId, traceName: 'resetPassword', request, result: 'success' }),
    ],
    (failure) => (failure.failedItems().includes(0) ? new InvalidCode() : staleAccount()),
  );
  await noticePasswordChanged(account);
}
