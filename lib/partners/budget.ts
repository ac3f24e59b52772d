/**
 * Monthly budgets (R-PA-04, issue 11): a reseller customer is frozen on association until its partner sets a
 * monthly budget; every later change is a new budget. Pure: what a budget may be, and what setting one changes.
 * The history is the association log (`budget-set` with old and new, `unfrozen` when a budget lifts the freeze).
 */
import type { Budget } from './model.js';

/** The largest monthly budget accepted (a typo guard, not a business limit). */
export const MAX_MONTHLY_BUDGET = 999_999_999.99;

/** Why a monthly budget is not acceptable (undefined: fine): a non-negative amount with at most two decimals. */
export function monthlyBudgetProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'Enter the budget as a number.';
  if (value < 0) return 'The budget cannot be negative.';
  if (value > MAX_MONTHLY_BUDGET) return `The budget can be at most ${MAX_MONTHLY_BUDGET}.`;
  // Two decimals at most: the amount times 100 is a whole number (1e-6 absorbs binary rounding, e.g. 1.15 * 100).
  const cents = value * 100;
  if (Math.abs(cents - Math.round(cents)) > 1e-6) return 'Use at most two decimal places.';
  return undefined;
}

export interface BudgetChange {
  /** What the association item gets. */
  patch: { budget: Budget; frozen: false };
  /** True when this budget lifts the automatic freeze of association (R-PA-04). */
  unfreezes: boolean;
  old?: { monthlyBudget: number; currency: string };
  next: { monthlyBudget: number; currency: string };
}

/** What setting `input` as the monthly budget of an association changes. */
export function budgetChange(
  association: { frozen: boolean; budget?: Budget },
  input: { monthlyBudget: number; currency: string },
  at: string,
  setBy: string,
): BudgetChange {
  const previous = association.budget;
  return {
    patch: { budget: { monthlyBudget: input.monthlyBudget, currency: input.currency, setAt: at, setBy }, frozen: false },
    unfreezes: association.frozen === true,
    ...(previous ? { old: { monthlyBudget: previous.monthlyBudget, currency: previous.currency } } : {}),
    next: { monthlyBudget: input.monthlyBudget, currency: input.currency },
  };
}
