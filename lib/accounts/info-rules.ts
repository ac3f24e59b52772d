/** Pure rules of account information (R-AI-02, R-AI-04, R-AI-05, R-AI-06). */
import { tenantNameConfig } from '../core/config.js';
import type { Failure } from '../core/errors.js';
import { windowState } from '../core/quota/rolling-window.js';
import type { AccountItem } from './account.js';

type AccountType = AccountItem['accountType'];
type AuthStatus = AccountItem['authStatus'];

/** R-AI-05: every allowed move of the account type, and when. Anything not listed is refused. */
export const TYPE_MOVES: ReadonlyArray<{ from: AccountType; to: AccountType; onlyWhileUnauthenticated: boolean }> = [
  { from: 'unset', to: 'individual', onlyWhileUnauthenticated: true },
  { from: 'unset', to: 'enterprise', onlyWhileUnauthenticated: true },
  { from: 'individual', to: 'enterprise', onlyWhileUnauthenticated: true },
];

export function typeMoveFailures(from: AccountType, to: AccountType, auth: AuthStatus): Failure[] {
  // Same type with a new name is a name edit (R-AI-06).
  if (from === to) return nameEditFailures(auth);
  const move = TYPE_MOVES.find((m) => m.from === from && m.to === to);
  if (!move) {
    return [{ condition: 'type-move-not-allowed', message: `An ${from} account cannot become ${to}.` }];
  }
  if (move.onlyWhileUnauthenticated && auth !== 'unauthenticated') {
    return [{ condition: 'authenticated', message: 'The account type is fixed once real-name authentication is done or pending.' }];
  }
  return [];
}

/** R-AI-06: names are editable only while the account is not authenticated. */
export function nameEditFailures(auth: AuthStatus): Failure[] {
  return auth === 'unauthenticated'
    ? []
    : [{ condition: 'authenticated', message: 'Names come from real-name authentication now; change them by re-authenticating.' }];
}

/** R-AI-02: tenant-name changes inside the rolling window, and what a new change would leave. */
export function tenantNameQuota(changes: string[], at: Date): { recent: string[]; left: number; nextAllowedAt?: string } {
  const { maxChanges, windowSeconds } = tenantNameConfig;
  const { recent, left, nextAllowedAt } = windowState(changes, at, { max: maxChanges, windowSeconds });
  return { recent, left, ...(nextAllowedAt ? { nextAllowedAt: nextAllowedAt.toISOString() } : {}) };
}
