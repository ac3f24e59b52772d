/**
 * The account's pending invitations to partners' staff (R-PD-04, issue 11 review finding 3): newest first, only
 * those still pending and not lapsed. At most one per partner is pending; the account's list of ended ones is read
 * only as far back as a pending one can be (the invitation lifetime), at most a few pages.
 */
import type { AccountCaller } from '../core/caller.js';
import { now } from '../core/clock.js';
import type { HandshakeRequest } from '../core/handshake/machine.js';
import { listHandshakes } from '../core/handshake/store.js';
import { PARTNER_MEMBERSHIP } from './kinds.js';
import { payloadOf } from './membership.js';

const PAGE = 100;
const MAX_PAGES = 5;

export async function listPartnerMemberships(caller: AccountCaller) {
  const at = now().getTime();
  const oldestPending = at - PARTNER_MEMBERSHIP.expirySeconds * 1000;
  const pending: HandshakeRequest[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const out = await listHandshakes(caller.accountId, PARTNER_MEMBERSHIP.kind, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    pending.push(
      ...out.items.filter((r) => r.counterparty.id === caller.accountId && r.state === 'pending' && Date.parse(r.expiresAt) > at),
    );
    cursor = out.cursor;
    const last = out.items.at(-1);
    if (!cursor || !last || Date.parse(last.createdAt) < oldestPending) break;
  }
  return {
    items: pending.map((r) => {
      const p = payloadOf(r);
      return { requestId: r.id, partnerId: p.partnerId, partnerName: p.partnerName, role: p.role, expiresAt: r.expiresAt };
    }),
  };
}
