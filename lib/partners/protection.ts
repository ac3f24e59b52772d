/**
 * R-PD-08: a partner that turned on verification protection confirms its sensitive operations (requesting or
 * deciding a disassociation, turning protection off) with a `partner-operation` code of the acting staff account.
 * Answers the code's consume write for the operation's transaction (none when protection is off).
 */
import { checkCode } from '../accounts/codes.js';
import type { AccountCaller } from '../core/caller.js';
import { ValidationFailed } from '../core/errors.js';
import type { TransactItem } from '../core/store/writes.js';
import type { Partner } from './model.js';

export interface Verification {
  challengeId: string;
  code: string;
}

export async function partnerOperationCode(caller: AccountCaller, verification: Verification | undefined): Promise<TransactItem[]> {
  if (!verification) {
    throw new ValidationFailed(
      [{ path: 'verification', message: 'Verification protection is on: confirm with a partner-operation code.' }],
      'A verification code is required.',
    );
  }
  const { consume } = await checkCode({ ...verification, purpose: 'partner-operation', accountId: caller.accountId, sessionScoped: true });
  return [consume];
}

/**
 * The code's consume write when the partner's protection is on. Off, none is needed; a code given anyway is checked
 * and spent like one that is needed (another account's challenge answers 404, R-SEC-05).
 */
export async function protectedOperation(
  caller: AccountCaller,
  partner: Partner,
  verification: Verification | undefined,
): Promise<TransactItem[]> {
  return partner.verificationProtection || verification ? partnerOperationCode(caller, verification) : [];
}
