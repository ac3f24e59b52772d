import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../lib/core/checks/conditions.js';

type Facts = { unpaid: boolean; suspended: boolean };
const conditions = [
  { condition: 'unpaid', group: 'financial', fails: (f: Facts) => f.unpaid, message: 'Pay.' },
  { condition: 'suspended', group: 'account', fails: (f: Facts) => f.suspended, message: 'Appeal.' },
] as const;

describe('core/checks evaluate (issue 10): groups in order, each failed condition with what to do', () => {
  it.each([
    [{ unpaid: false, suspended: false }, true, [[], []]],
    [{ unpaid: true, suspended: false }, false, [[], ['unpaid']]],
    [{ unpaid: true, suspended: true }, false, [['suspended'], ['unpaid']]],
  ] as const)('%o → passed %s', (facts, passed, failures) => {
    const result = evaluate(conditions, facts, ['account', 'financial'] as const);
    expect(result.passed).toBe(passed);
    expect(result.groups.map((g) => g.group)).toEqual(['account', 'financial']);
    expect(result.groups.map((g) => g.failures.map((f) => f.condition))).toEqual(failures);
    expect(result.groups.map((g) => g.passed)).toEqual(failures.map((f) => f.length === 0));
  });
});
