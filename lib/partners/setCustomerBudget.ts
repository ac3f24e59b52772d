/**
 * R-PA-04 (issue 11): the partner administrator sets a reseller customer's monthly budget; the first one lifts the
 * freeze of association. One transaction, conditional on the association's version: the association item, the
 * facts every purchase guard reads (`partnerFrozen`), the budget history in the association log (`budget-set` with
 * old and new, `unfrozen` when it lifts the freeze) and an audit trace in the CUSTOMER's traces with the partner as
 * actor (R-PA-06: an operation on the customer's behalf). A racing change of the same association (authorization,
 * account manager, another budget) makes the version condition fail: the budget is re-decided on the fresh item
 * (nothing of the other change is lost), at most three times, then 409.
 * Who: the administrator only, still at commit (a ConditionCheck on its staff claim) (R-PD-04 and seed 002: budgets are the administrator's, like disassociations; an
 * account manager is refused with 403); another partner's customer is not found (404).
 */
import { associationLogWrites } from './association-log.js';
import { auditWrite } from '../core/audit/audit.js';
import type { AccountCaller } from '../core/caller.js';
import { associationFactsWrite } from '../core/checks/store.js';
import { nowIso } from '../core/clock.js';
import { Conflict, Forbidden, RuleViolation } from '../core/errors.js';
import { ConditionFailed, type TransactItem, transact } from '../core/store/writes.js';
import { budgetChange } from './budget.js';
import type { Association, Staff } from './model.js';
import { partnerActor, partnerLogActor, requireCustomerOfPartner, requirePartnerStaff } from './staff.js';
import { associationChangeWrites, staffStill } from './store.js';

export interface BudgetInput {
  customerId: string;
  monthlyBudget: number;
  currency: string;
}

const ATTEMPTS = 3;

export async function setCustomerBudget(caller: AccountCaller, input: BudgetInput) {
  const staff = await requirePartnerStaff(caller, { administrator: true });
  for (let attempt = 1; ; attempt += 1) {
    const association = await requireCustomerOfPartner(staff, input.customerId);
    if (association.model !== 'reseller') {
      throw new RuleViolation('NOT_ALLOWED', 'Monthly budgets are set for reseller customers only.', [
        {
          condition: 'referral-model',
          message: 'This customer is associated in the referral model: it pays its own bills and has no budget.',
        },
      ]);
    }
    try {
      await transact(budgetWrites(caller, staff, association, input));
      return { frozen: false as const, monthlyBudget: input.monthlyBudget, currency: input.currency };
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // The caller stopped being the administrator meanwhile: refused as if it had not been one.
      if (error.failed('staff')) throw new Forbidden("Only the partner's administrator may do this.");
      if (!error.failed('association')) throw error;
      if (attempt >= ATTEMPTS) throw new Conflict('STATE_CONFLICT', 'The association changed meanwhile; try again.');
    }
  }
}

function budgetWrites(caller: AccountCaller, staff: Staff, association: Association, input: BudgetInput): TransactItem[] {
  const at = nowIso();
  const actor = partnerActor(staff);
  const change = budgetChange(association, input, at, actor);
  const { customerId } = association;
  const entry = { actor: partnerLogActor(staff), time: at };
  const amount = (b?: { monthlyBudget: number; currency: string }) => (b ? `${b.monthlyBudget} ${b.currency}` : undefined);
  return [
    staffStill(staff.accountId, staff),
    ...associationChangeWrites(association, change.patch),
    ...associationLogWrites(association, { ...entry, event: 'budget-set', details: { old: change.old ?? null, new: change.next } }),
    ...(change.unfreezes
      ? [associationFactsWrite(customerId, { partnerFrozen: false }), ...associationLogWrites(association, { ...entry, event: 'unfrozen' })]
      : []),
    auditWrite({
      accountId: customerId,
      traceName: 'setPartnerBudget',
      request: caller.origin,
      result: 'success',
      actor,
      changes: [
        { field: 'monthlyBudget', old: amount(change.old), new: amount(change.next) },
        ...(change.unfreezes ? [{ field: 'frozen', old: 'frozen', new: 'unfrozen' }] : []),
      ],
    }),
  ];
}
