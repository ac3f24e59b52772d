/** logout (R-LI-05): revokes the caller's own session, audited. */
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { commit } from './store.js';
import { revokeSession } from './tokens.js';

export async function logout(caller: AccountCaller): Promise<void> {
  await commit([
    revokeSession(caller.sessionKey),
    auditWrite({ accountId: caller.accountId, traceName: 'logout', request: caller.origin, result: 'success' }),
  ]);
}
