/**
 * Issue 12 (seed 000 "a member account that the master created", R-MM-05): a master creates a member account. The
 * accounts area's sign-up runs as for anyone (the `signup` email code proves the address; POST /v1/verification-codes
 * like a sign-up) and is extended (accounts' `SignUpExtension`, as partners' register-and-associate does) so the
 * account and its association are created together or not at all: associated at once with `createdByMaster: true`,
 * the accounting mode asked (R-MM-06) and every requested permission granted (R-MM-08). The master gets no session
 * for the new account (`session: false`: none is written). Refused: a non-master (403), a suspended master
 * (422 CHECK_FAILED `master-suspended`).
 */
import { type SignUpInput, signUp } from '../accounts/signUp.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { NO_ASSOCIATIONS } from '../core/checks/facts.js';
import { loadFacts } from '../core/checks/store.js';
import { RuleViolation } from '../core/errors.js';
import type { ConditionFailed } from '../core/store/writes.js';
import { accountActor, enterpriseLogWrites } from './association-log.js';
import { checkFailed, requireMaster } from './invitation.js';
import type { AccountingMode, Permission } from './kinds.js';
import type { MemberRow } from './model.js';
import { inviteFailures, memberCapRefusal } from './rules.js';
import { accountOpen, memberAssociateWrites, profileExists } from './store.js';

export interface CreateMemberInput extends SignUpInput {
  accountingMode: AccountingMode;
  permissions?: Permission[];
}

function masterGone(failure: ConditionFailed): Error | undefined {
  if (failure.failed('member-cap')) return memberCapRefusal();
  if (failure.failed('master-account') || failure.failed('profile'))
    return new RuleViolation('NOT_ALLOWED', 'The master account is no longer available.', [
      { condition: 'master-unavailable', message: 'The master account was closed or no longer has Enterprise Center.' },
    ]);
  return undefined;
}

export async function createEnterpriseMember(caller: AccountCaller, input: CreateMemberInput) {
  await requireMaster(caller);
  const masterId = caller.accountId;
  const { accountingMode, permissions: asked, ...signUpInput } = input;
  const permissions = [...new Set(asked ?? [])];
  // The invitee conditions over a new account: only the master's own can fail (master-suspended).
  const newAccount = { standing: {}, standingVersion: 0, associations: NO_ASSOCIATIONS };
  const failures = inviteFailures({ masterId, inviteeId: '', master: await loadFacts(masterId), invitee: newAccount });
  if (failures.length) throw checkFailed(failures, 'A member account cannot be created now.');
  const created = await signUp({ kind: 'guest', origin: caller.origin }, signUpInput, {
    session: false,
    async writes(account, at) {
      const time = at.toISOString();
      const row: MemberRow = {
        masterAccountId: masterId,
        memberAccountId: account.accountId,
        accountingMode,
        requestedPermissions: permissions,
        permissions,
        associatedAt: time,
        createdByMaster: true,
        version: 1,
      };
      const ref = { masterAccountId: masterId, memberAccountId: account.accountId, accountingMode, permissions };
      const actor = accountActor(masterId);
      return [
        ...memberAssociateWrites(row),
        profileExists(masterId),
        accountOpen(masterId, 'master-account'),
        ...enterpriseLogWrites(ref, { event: 'member-created', actor, time }),
        ...enterpriseLogWrites(ref, { event: 'associated', actor, time, details: { createdByMaster: true } }),
        auditWrite({
          accountId: masterId,
          traceName: 'createEnterpriseMember',
          request: caller.origin,
          result: 'success',
          changes: [{ field: 'enterpriseMember', new: account.accountId }],
        }),
        auditWrite({
          accountId: account.accountId,
          traceName: 'createEnterpriseMember',
          request: caller.origin,
          result: 'success',
          actor: masterId,
          changes: [
            { field: 'masterAccountId', new: masterId },
            { field: 'accountingMode', new: accountingMode },
            { field: 'masterPermissions', new: permissions.join(',') },
          ],
        }),
      ];
    },
    failure: masterGone,
  });
  return { memberAccountId: created.accountId, status: 'associated' as const, accountingMode, permissions };
}
