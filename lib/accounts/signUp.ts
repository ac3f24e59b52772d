/** Sign-up (R-SU-01..03, R-SEC-03): the email code proves ownership before uniqueness is revealed. */
import { now } from '../core/clock.js';
import { newId, randomDigits } from '../core/crypto.js';
import { Conflict, InvalidCode, ValidationFailed } from '../core/errors.js';
import type { GuestCaller } from '../core/caller.js';
import { languageOf } from '../core/notify/templates.js';
import { newSession } from '../core/sessions.js';
import * as keys from '../core/store/key-builders.js';
import { type ConditionFailed, type TransactItem, tagged, transact } from '../core/store/writes.js';
import { auditWrite } from '../core/audit/audit.js';
import { checkCode } from './codes.js';
import type { AccountItem } from './account.js';
import { accountCreate, claimPut } from './store.js';
import { hashPassword } from './password.js';
import { emailProblems, normalizeEmail } from '../core/contact/email.js';
import { claimValue, fieldErrors, passwordProblems } from './rules.js';

export interface SignUpInput {
  countryRegion: string;
  email: string;
  password: string;
  verification: { challengeId: string; code: string };
}

/**
 * Issue 11: another area extends a sign-up without accounts knowing it (register-and-associate: partners wraps
 * this use case). `writes` runs once the input and the code are checked and before anything is written: it may
 * refuse (nothing is created) or add items to the sign-up's transaction; `failure` says what a failed condition of
 * those items means.
 */
export interface SignUpExtension {
  writes(account: AccountItem, at: Date): Promise<TransactItem[]>;
  failure?(failure: ConditionFailed): Error | undefined;
  /**
   * Issue 12: `false` when the account is created on someone else's behalf (an enterprise master creates a member
   * account): no session is written nor answered.
   */
  session?: false;
}

export interface SignedUp {
  accountId: string;
  status: 'registered';
}

export async function signUp(
  caller: GuestCaller,
  input: SignUpInput,
  extension?: SignUpExtension & { session?: undefined },
): Promise<SignedUp & { session: { token: string; expiresAt: string } }>;
export async function signUp(caller: GuestCaller, input: SignUpInput, extension: SignUpExtension & { session: false }): Promise<SignedUp>;
export async function signUp(
  caller: GuestCaller,
  input: SignUpInput,
  extension?: SignUpExtension,
): Promise<SignedUp & { session?: { token: string; expiresAt: string } }> {
  const email = normalizeEmail(input.email);
  const errors = fieldErrors({
    email: emailProblems(input.email),
    password: passwordProblems(input.password, [email, email.split('@')[0] ?? '']),
  });
  if (errors.length) throw new ValidationFailed(errors);

  const { consume } = await checkCode({ ...input.verification, purpose: 'signup', destination: email });
  const time = now();
  const at = time.toISOString();
  const accountId = newId('ac_');
  const loginId = `u${randomDigits(11)}`;
  const tenantName = `hwc${randomDigits(11)}`;
  const account: AccountItem = {
    ...keys.account(accountId),
    accountId,
    status: 'registered',
    version: 1,
    email,
    loginId,
    tenantName,
    countryRegion: input.countryRegion,
    accountType: 'unset',
    authStatus: 'unauthenticated',
    passwordHash: await hashPassword(input.password),
    sessionEpoch: 0,
    failedAttempts: 0,
    preferences: { messageLanguage: languageOf(caller.origin.acceptLanguage), timeZone: 'UTC' },
    paymentMethod: { status: 'none' },
    tenantNameChanges: [],
    createdAt: at,
  };
  const session = extension?.session === false ? undefined : newSession(accountId, 0);
  const extra = extension ? await extension.writes(account, time) : [];
  await transact(
    [
      tagged('code', consume),
      tagged('email', claimPut('EMAIL', claimValue.email(email), accountId)),
      claimPut('LOGINID', claimValue.name(loginId), accountId),
      claimPut('TENANT', claimValue.name(tenantName), accountId),
      accountCreate(account),
      ...(session ? [session.write] : []),
      auditWrite({ accountId, traceName: 'signUp', request: caller.origin, result: 'success' }),
      ...extra,
    ],
    (failure) => {
      if (failure.failed('code')) return new InvalidCode();
      if (failure.failed('email'))
        return new Conflict('EMAIL_TAKEN', 'An account with this email already exists; log in or reset the password.');
      return extension?.failure?.(failure) ?? failure;
    },
  );
  const signedUp = { accountId, status: 'registered' as const };
  return session ? { ...signedUp, session: { token: session.token, expiresAt: session.expiresAt } } : signedUp;
}
