/**
 * R-PA-04 (issue 11 freeze and budget): what a monthly budget may be, and what setting one changes — pure
 * (lib/partners/budget.ts). Table-driven; every refusal alone.
 */
import { describe, expect, it } from 'vitest';
import { budgetChange, monthlyBudgetProblem } from '../../../lib/partners/budget.js';

describe('monthlyBudgetProblem (R-PA-04: the budget the partner sets)', () => {
  it.each([
    [0, undefined],
    [1, undefined],
    [1000.5, undefined],
    [1234.56, undefined],
    [999_999_999.99, undefined],
    [-1, 'negative'],
    [-0.01, 'negative'],
    [1.234, 'decimals'],
    [0.001, 'decimals'],
    [1e-7, 'decimals'],
    [1_000_000_000.01, 'too large'],
    [1e21, 'too large'],
    [Number.NaN, 'number'],
    [Number.POSITIVE_INFINITY, 'number'],
  ])('%s → %s', (value, expected) => {
    const problem = monthlyBudgetProblem(value);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toBeDefined();
  });
});

describe('budgetChange (R-PA-04: a budget lifts the automatic freeze; the history keeps old and new)', () => {
  const at = '2026-11-24T01:00:00.000Z';
  const setBy = 'partner:pt_1:acc_admin';

  it.each([
    ['frozen reseller customer, first budget', { frozen: true }, true, undefined],
    ['unfrozen customer, budget changed', { frozen: false, budget: { monthlyBudget: 10, currency: 'USD', setAt: at, setBy } }, false, 10],
  ])('%s', (_name, association, unfreezes, old) => {
    const change = budgetChange(association, { monthlyBudget: 250.5, currency: 'EUR' }, at, setBy);
    expect(change.unfreezes).toBe(unfreezes);
    expect(change.patch.frozen).toBe(false);
    expect(change.patch.budget).toEqual({ monthlyBudget: 250.5, currency: 'EUR', setAt: at, setBy });
    expect(change.old?.monthlyBudget).toBe(old);
    expect(change.next).toEqual({ monthlyBudget: 250.5, currency: 'EUR' });
  });
});
