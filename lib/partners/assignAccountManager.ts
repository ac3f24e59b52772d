/**
 * R-PD-04: the partner administrator assigns one of its account managers to a customer; the manager then sees
 * that customer. Another partner's customer is not found (404); an account that is not an account manager of
 * this partner is refused (422, the same answer whoever it is). Logged (`account-manager-assigned`, R-PD-07) and
 * written to the customer's audit traces with the partner as actor (R-PA-06), in the same transaction.
 */
import { pairViews } from '../core/association-log/log.js';
import { associationLogWrites } from './association-log.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { Conflict, RuleViolation } from '../core/errors.js';
import { transact } from '../core/store/writes.js';
import { partnerActor, partnerLogActor, requireCustomerOfPartner, requirePartnerStaff } from './staff.js';
import { associationChangeWrites, loadStaffRole, staffAssigned, staffStill } from './store.js';

export async function assignAccountManager(caller: AccountCaller, customerId: string, input: { accountId: string }) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  const association = await requireCustomerOfPartner(staff, customerId);
  const claim = await loadStaffRole(input.accountId);
  if (claim?.partnerId !== staff.partnerId || claim.role !== 'account-manager')
    throw new RuleViolation('NOT_ALLOWED', 'Only an account manager of this partner can be assigned.', [
      { condition: 'not-an-account-manager', message: 'Add the account as an account manager first, then assign it.' },
    ]);
  await transact(
    [
      // R-PD-10: the customer-list index rows move with the manager (the manager facet and every row's projection).
      ...associationChangeWrites(association, { accountManagerId: input.accountId }),
      staffStill(staff.accountId, staff),
      // Bumps the manager's assignment sequence: a removal judged before this assignment fails (removePartnerMember).
      staffAssigned(input.accountId, claim),
      ...associationLogWrites(
        association,
        {
          event: 'account-manager-assigned',
          actor: partnerLogActor(staff),
          details: { accountManagerId: input.accountId, previous: association.accountManagerId ?? null },
        },
        // The partner's views only: the assignment is internal to the partner.
        pairViews(staff.partnerId, customerId).slice(1),
      ),
      // R-PA-06: every partner operation on a customer is in the customer's audit traces.
      auditWrite({
        accountId: customerId,
        traceName: 'assignPartnerAccountManager',
        request: caller.origin,
        result: 'success',
        actor: partnerActor(staff),
        changes: [{ field: 'accountManagerId', old: association.accountManagerId, new: input.accountId }],
      }),
    ],
    (failure) =>
      failure.failed('association') || failure.failed('staff')
        ? new Conflict('STATE_CONFLICT', 'The partner or the customer changed meanwhile; try again.')
        : failure,
  );
  return { customerId, accountManagerId: input.accountId };
}
