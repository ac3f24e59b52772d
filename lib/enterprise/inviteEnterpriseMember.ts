/**
 * R-MM-01, R-MM-06, R-MM-07, R-MM-08: a master invites an account to be its member, naming the accounting mode and
 * the permissions it requests. Nothing changes for the account until it accepts. The master's answer judges only
 * the master's own conditions (`master-suspended`, `self`: ./rules.ts MASTER_INVITE_CONDITIONS), first, before any
 * look-up of the invitee; the invitee's conditions (a member, a master, a partner's customer or staff, suspended)
 * are facts about another account and are judged when the invitee accepts, named to it (issue 12 review).
 * Refused: a non-master (403); an unknown, closed or disabled account (404: account IDs are opaque random IDs, not
 * guessable); an open invitation to the account from any master (422 NOT_ALLOWED `invitation-pending`, R-MM-07; a
 * stale one — lapsed, or of an account no longer open — is ended first, ./stale-invitations.ts); more than
 * `enterpriseConfig.maxOpenInvitations` open invitations of the master (422 QUOTA_EXCEEDED `open-invitations`;
 * its stale ones are ended first, once); more than `enterpriseConfig.invitesPerPair` invitations of one account by
 * one master in the window (422 QUOTA_EXCEEDED `invitation-quota` with `nextPossibleAt`). One transaction: the
 * handshake and its open claim, the cap counter, the pair's quota window, the log (both views), the audit trace and
 * the notice to the invitee.
 */
import { findAccount } from '../accounts/store.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { loadFacts } from '../core/checks/store.js';
import { now } from '../core/clock.js';
import { enterpriseConfig } from '../core/config.js';
import { newId } from '../core/crypto.js';
import { Conflict, NotFound, RuleViolation } from '../core/errors.js';
import { createHandshake, openHandshakeBetween } from '../core/handshake/store.js';
import { publishNow } from '../core/notify/outbox.js';
import { type QuotaWindow, quotaState, quotaUseWrite, readQuotaWindows } from '../core/quota/store.js';
import { ConditionFailed } from '../core/store/writes.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import { checkFailed, requireMaster } from './invitation.js';
import { type AccountingMode, ENTERPRISE_INVITATION, type Permission } from './kinds.js';
import type { InvitationPayload } from './model.js';
import { enterpriseNotices } from './notices.js';
import { masterInviteFailures } from './rules.js';
import { endStaleInvitation, endStaleInvitationsOf, isStale } from './stale-invitations.js';
import { accountActive, openInvitationsTake } from './store.js';

/** The quota window of one master's invitations of one account. */
export const inviteQuotaScope = (masterId: string, memberId: string) => `enterprise-invites:${masterId}|${memberId}`;

const pendingRefusal = () =>
  new RuleViolation('NOT_ALLOWED', 'The account already has an open invitation.', [
    { condition: 'invitation-pending', message: 'The account already has an open invitation' },
  ]);

function quotaRefusal(window: QuotaWindow, at: Date): RuleViolation {
  const error = new RuleViolation('QUOTA_EXCEEDED', 'No more invitations of this account are possible for now.', [
    { condition: 'invitation-quota', message: 'This account was invited too often lately; try again later.' },
  ]);
  const next = quotaState(window, at).nextAllowedAt;
  if (next) error.details.nextPossibleAt = next.toISOString();
  return error;
}

const capRefusal = () =>
  new RuleViolation('QUOTA_EXCEEDED', 'Too many open invitations.', [
    {
      condition: 'open-invitations',
      message: `At most ${enterpriseConfig.maxOpenInvitations} invitations may be open at once; cancel one or wait for answers.`,
    },
  ]);

export async function inviteEnterpriseMember(
  caller: AccountCaller,
  input: { memberAccountId: string; accountingMode: AccountingMode; permissions?: Permission[] },
) {
  const profile = await requireMaster(caller);
  const masterId = caller.accountId;
  const memberId = input.memberAccountId;
  const permissions = [...new Set(input.permissions ?? [])];
  // The master's own conditions first: nothing about the invitee is looked up for a refused master.
  const failures = masterInviteFailures({ masterId, inviteeId: memberId, master: await loadFacts(masterId) });
  if (failures.length) throw checkFailed(failures, 'The account cannot be invited.');
  const invitee = await findAccount(memberId);
  if (invitee?.status !== 'active') throw new NotFound('No such account.');
  let swept = false;
  const payload: InvitationPayload = { accountingMode: input.accountingMode, permissions, enterpriseName: profile.enterpriseName };
  const scope = { scope: inviteQuotaScope(masterId, memberId), limit: enterpriseConfig.invitesPerPair };
  for (let attempt = 1; ; attempt += 1) {
    const at = now();
    const window = (await readQuotaWindows([scope]))[0] as QuotaWindow;
    if (quotaState(window, at).left === 0) throw quotaRefusal(window, at);
    const invitationId = newId('ei_');
    const time = at.toISOString();
    const expiresAt = new Date(at.getTime() + ENTERPRISE_INVITATION.expirySeconds * 1000).toISOString();
    const notices = enterpriseNotices(
      'enterprise-invitation',
      {
        enterpriseName: profile.enterpriseName,
        masterAccountId: masterId,
        accountingMode: input.accountingMode,
        permissions: permissions.join(', '),
        expiresAt,
      },
      [invitee],
    );
    try {
      const opened = await createHandshake(
        ENTERPRISE_INVITATION,
        {
          id: invitationId,
          initiator: { id: masterId, role: 'master' },
          counterparty: { id: memberId, role: 'member' },
          payload: { ...payload },
        },
        at,
        [
          openInvitationsTake(masterId, enterpriseConfig.maxOpenInvitations),
          quotaUseWrite(window, at, 'quota'),
          accountActive(memberId),
          ...enterpriseLogWrites(
            {
              masterAccountId: masterId,
              memberAccountId: memberId,
              accountingMode: input.accountingMode,
              permissions,
              requestId: invitationId,
            },
            { event: 'invitation-created', actor: accountActor(masterId), time, details: { expiresAt } },
          ),
          auditWrite({
            accountId: masterId,
            traceName: 'inviteEnterpriseMember',
            request: caller.origin,
            result: 'success',
            changes: [{ field: 'enterpriseInvitation', new: invitationId }],
          }),
          ...notices.map((n) => n.write),
        ],
      );
      if (!opened.ok) {
        if (opened.reason !== 'open-request-exists') throw new Error(`enterprise invitation refused by the machine: ${opened.reason}`);
        // A stale invitation (lapsed, or its master's account no longer open) does not block: end it, try again.
        const open = await openHandshakeBetween(ENTERPRISE_INVITATION, masterId, memberId);
        if (open && attempt < 3 && (await isStale(open, at, [memberId]))) {
          await endStaleInvitation(open, at);
          continue;
        }
        if (!open && attempt < 3) continue;
        throw pendingRefusal();
      }
      await publishNow(notices.map((n) => n.pending));
      return {
        invitationId,
        status: 'pending' as const,
        expiresAt: opened.request.expiresAt,
        memberAccountId: memberId,
        accountingMode: input.accountingMode,
        permissions,
      };
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      if (error.failed('cap')) {
        // Stale invitations hold no slot: end them (once), then try again.
        if (!swept && attempt < 3) {
          swept = true;
          if ((await endStaleInvitationsOf(masterId, at)) > 0) continue;
        }
        throw capRefusal();
      }
      if (error.failed('account')) throw new NotFound('No such account.');
      // Lost a race on the quota window: judge again on what is there now.
      if (error.failed('quota') && attempt < 3) continue;
      if (error.failed('quota')) throw new Conflict('STATE_CONFLICT', 'Other invitations changed meanwhile; try again.');
      throw error;
    }
  }
}
