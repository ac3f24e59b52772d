/**
 * R-MM-07 (issue 12 review): a stale invitation holds neither a slot of its master's cap nor the invited account's
 * one-open claim. Stale: past `expiresAt` (the scheduler has not reached it yet), or its master's or invitee's
 * account is no longer open (closed, disabled). Ending one: expired when it lapsed, else canceled by the system
 * (`invitation-canceled`, actor system) — in the handshake's move transaction, with the master's slot given back
 * once and the accounts still open told.
 */
import { EDITABLE } from '../core/account-status.js';
import { enterpriseConfig } from '../core/config.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { type Moved, listHandshakes, moveHandshake } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { ConditionFailed } from '../core/store/writes.js';
import { enterpriseLogWrites } from './association-log.js';
import { expireLapsedInvitation, invitationEndNotices } from './expireInvitation.js';
import { payloadOf } from './invitation.js';
import { ENTERPRISE_INVITATION } from './kinds.js';
import { openInvitationsReleaseIfEnabled } from './store.js';
import { findAccount } from '../accounts/store.js';

const SYSTEM = 'stale-invitation';

export const lapsed = (request: HandshakeRequest, at: Date) => Date.parse(request.expiresAt) <= at.getTime();

const isOpen = async (accountId: string) => EDITABLE.includes((await findAccount(accountId))?.status as never);

/** Whether a pending invitation is stale at `at` (`known`: accounts known open, not read again). */
export async function isStale(request: HandshakeRequest, at: Date, known: readonly string[] = []): Promise<boolean> {
  if (lapsed(request, at)) return true;
  const parties = [request.initiator.id, request.counterparty.id].filter((id) => !known.includes(id));
  return (await Promise.all(parties.map(isOpen))).some((open) => !open);
}

/** The system withdraws an invitation of an account no longer open. */
async function cancelStaleInvitation(request: HandshakeRequest, at: Date): Promise<Moved> {
  const p = payloadOf(request);
  const masterId = request.initiator.id;
  const time = at.toISOString();
  const notices = await invitationEndNotices(request, 'canceled', time, true);
  const moved = await moveHandshake(request.id, { system: SYSTEM }, 'cancel', at, [
    ...(await openInvitationsReleaseIfEnabled(masterId)),
    ...enterpriseLogWrites(
      {
        masterAccountId: masterId,
        memberAccountId: request.counterparty.id,
        accountingMode: p.accountingMode,
        permissions: p.permissions,
        requestId: request.id,
      },
      { event: 'invitation-canceled', actor: { kind: 'system', id: SYSTEM }, time },
    ),
    ...notices.map((n) => n.write),
  ]);
  if (moved.ok) await publishNow(notices.map((n) => n.pending));
  return moved;
}

/**
 * Ends a stale invitation: expired when it lapsed, else canceled by the system. Best effort on behalf of another
 * request: a condition that failed meanwhile (the master's Enterprise Center just removed, the invitation just
 * ended) is answered as not ended, never thrown into the caller's own error handling.
 */
export async function endStaleInvitation(request: HandshakeRequest, at: Date): Promise<Moved> {
  try {
    return await (lapsed(request, at) ? expireLapsedInvitation(request, at) : cancelStaleInvitation(request, at));
  } catch (error) {
    if (error instanceof ConditionFailed) return { ok: false, reason: 'not-pending' };
    throw error;
  }
}

/** Pages of the master's invitation list one sweep reads at most (ended and received ones share the list). */
const SWEEP_PAGES = 10;

/**
 * Ends the master's stale pending invitations, newest first, page by page until every open one (`open`: the
 * master's open-invitation count) was examined, at most SWEEP_PAGES pages; answers how many ended here.
 */
export async function endStaleInvitationsOf(masterId: string, at: Date, open = enterpriseConfig.maxOpenInvitations): Promise<number> {
  const limit = Math.min(enterpriseConfig.maxOpenInvitations, 100);
  let ended = 0;
  let examined = 0;
  let cursor: string | undefined;
  for (let page = 0; page < SWEEP_PAGES && examined < open; page += 1) {
    const list = await listHandshakes(masterId, ENTERPRISE_INVITATION.kind, { limit, ...(cursor ? { cursor } : {}) });
    for (const request of list.items) {
      if (request.state !== 'pending' || request.initiator.id !== masterId) continue;
      examined += 1;
      if (!(await isStale(request, at, [masterId]))) continue;
      if ((await endStaleInvitation(request, at)).ok) ended += 1;
    }
    if (!list.cursor) break;
    cursor = list.cursor;
  }
  return ended;
}
