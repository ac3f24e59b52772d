/**
 * R-PD-04: the partner administrator adds an account manager (another active account, not staff of any partner
 * yet: 409). The manager's staff claim carries `partnerProgram` (R-RN-05) like the administrator's; the addition
 * is audited on the manager's account with the partner as actor.
 */
import type { AccountCaller } from '../core/caller.js';
import { auditWrite } from '../core/audit/audit.js';
import { nowIso } from '../core/clock.js';
import { Conflict, RuleViolation } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { activeAccountOf, notActive } from './accounts.js';
import { partnerActor, requirePartnerStaff } from './staff.js';
import { accountActive, notCustomerOf, staffStill, staffWrites } from './store.js';

export async function addPartnerMember(caller: AccountCaller, input: { accountId: string; role: 'account-manager' }) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const member = await activeAccountOf(input.accountId);
  const addedAt = nowIso();
  await transact(
    [
      staffStill(staff.accountId, staff),
      ...staffWrites(staff.partnerId, member.accountId, input.role, addedAt),
      accountActive(member.accountId),
      notCustomerOf(member.accountId, staff.partnerId),
      auditWrite({
        accountId: member.accountId,
        traceName: 'addPartnerMember',
        request: caller.origin,
        result: 'success',
        actor: partnerActor(staff),
        changes: [{ field: 'partnerRole', new: input.role }],
      }),
    ],
    (failure) => {
      if (failure.failed('staff')) return new Conflict('STATE_CONFLICT', 'The account is already staff of a partner.');
      if (failure.failed('account')) return notActive();
      if (failure.failed('pointer'))
        return new RuleViolation('NOT_ALLOWED', 'The account is a customer of this partner.', [
          { condition: 'partner-customer', message: "A partner's customer cannot be its staff; use another account." },
        ]);
      return failure;
    },
  );
  return { partnerId: staff.partnerId, accountId: member.accountId, role: input.role, addedAt };
}
