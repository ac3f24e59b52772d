/**
 * R-PA-01: the partner administrator creates an invitation for a model. The token (link and QR payload) is shown
 * once; it expires after `partnersConfig.invitationTtlSeconds` (30 days *default*). Invitations are capped per
 * partner per UTC day (anti-abuse): one conditional counter in the same transaction, so parallel requests never
 * pass the cap (429 with Retry-After until the next day). Logged on the partner's view (R-PD-07).
 */
import { logWrites } from '../core/association-log/log.js';
import type { AccountCaller } from '../core/caller.js';
import { addSeconds, epochSeconds, now } from '../core/clock.js';
import { partnersConfig } from '../core/config.js';
import { newId } from '../core/crypto.js';
import { Conflict, RateLimited } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { invitationUrl, newInvitationToken } from './invitation-token.js';
import type { Invitation, PartnerModel } from './model.js';
import { partnerLogActor, requirePartnerStaff } from './staff.js';
import { invitationDayCount, invitationPut, staffStill } from './store.js';

const DAY_SECONDS = 86_400;

export async function createPartnerInvitation(caller: AccountCaller, input: { model: PartnerModel }) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const at = now();
  const day = at.toISOString().slice(0, 10);
  const nextDay = Date.parse(`${day}T00:00:00.000Z`) / 1000 + DAY_SECONDS;
  const invitationId = newId('pi_');
  const { token, secretHash } = newInvitationToken(invitationId);
  const invitation: Invitation = {
    invitationId,
    partnerId: staff.partnerId,
    model: input.model,
    secretHash,
    createdAt: at.toISOString(),
    expiresAt: addSeconds(at, partnersConfig.invitationTtlSeconds).toISOString(),
    createdBy: staff.accountId,
  };
  await transact(
    [
      invitationDayCount(staff.partnerId, day, partnersConfig.invitationsPerDay, nextDay + DAY_SECONDS),
      invitationPut(invitation),
      staffStill(staff.accountId, staff),
      ...logWrites(
        {
          area: 'partner',
          event: 'invitation-created',
          actor: partnerLogActor(staff),
          partnerId: staff.partnerId,
          model: input.model,
          details: { invitationId, model: input.model, expiresAt: invitation.expiresAt },
          time: invitation.createdAt,
        },
        [staff.partnerId],
      ),
    ],
    (failure) => {
      if (failure.failed('quota'))
        return new RateLimited(nextDay - epochSeconds(at), 'The daily number of invitations is reached; try again tomorrow.');
      if (failure.failed('staff')) return new Conflict('STATE_CONFLICT', 'Your partner role changed meanwhile.');
      return failure;
    },
  );
  const url = invitationUrl(token);
  return { invitationId, model: input.model, token, url, qrPayload: url, expiresAt: invitation.expiresAt };
}
