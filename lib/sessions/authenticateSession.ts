/**
 * Resolves a Bearer token to a live session (R-LI-05): the token is looked up only by its keyed
 * hash; idle and absolute expiry are checked against the one clock; a session is void once the
 * account's session epoch moved on (password change/reset, disabling) or the account is disabled.
 * The edge (lib/app/http/authenticate.ts) builds the AccountCaller from the answer.
 */
import { addSeconds, now } from '../core/clock.js';
import { config } from '../core/config.js';
import { Unauthenticated } from '../core/errors.js';
import { loadAuthState, loadSession, touchSession } from './store.js';
import { sessionKeyOf } from '../core/sessions.js';

/** A live session: whose it is, its key (the token's keyed hash) and the account's status now. */
export interface LiveSession {
  accountId: string;
  sessionKey: string;
  status: string;
}

export async function authenticateSession(token: string): Promise<LiveSession> {
  const sessionKey = sessionKeyOf(token);
  const at = now();
  const session = await loadSession(sessionKey);
  if (!session) throw new Unauthenticated();
  if (at.toISOString() >= session.idleExpiresAt || at.toISOString() >= session.absoluteExpiresAt) {
    throw new Unauthenticated('The session has expired.');
  }
  const account = await loadAuthState(session.accountId);
  if (!account || account.status === 'disabled' || (account.sessionEpoch ?? 0) !== (session.epoch ?? 0)) {
    throw new Unauthenticated('The session has been revoked.');
  }
  if (at.getTime() - Date.parse(session.lastSeenAt) > config.sessions.touchEverySeconds * 1000) {
    const idleExpiresAt = addSeconds(at, config.sessions.idleSeconds).toISOString();
    const idle = idleExpiresAt < session.absoluteExpiresAt ? idleExpiresAt : session.absoluteExpiresAt;
    if (!(await touchSession(sessionKey, at.toISOString(), idle, session.absoluteExpiresAt))) {
      throw new Unauthenticated('The session has been revoked.');
    }
  }
  return { accountId: account.accountId, sessionKey, status: account.status };
}
