/**
 * A check is a list of conditions over facts, each in a group, each naming what to do when it fails
 * (closure R-CL-02..04 today; partner preconditions and disassociation checks reuse it). Pure.
 */
import type { Failure } from '../errors.js';

export interface Condition<F, G extends string> {
  /** The stable name API.md gives the condition (e.g. `overdue-payments`). */
  condition: string;
  group: G;
  fails: (facts: F) => boolean;
  /** What the customer should do (a function where it depends on who the customer is, e.g. master or member). */
  message: string | ((facts: F) => string);
}

export interface GroupResult<G extends string> {
  group: G;
  passed: boolean;
  failures: Failure[];
}

/** Every group in order with its failed conditions; passed when none failed. */
export function evaluate<F, G extends string>(
  conditions: readonly Condition<F, G>[],
  facts: F,
  groups: readonly G[],
): { passed: boolean; groups: GroupResult<G>[] } {
  const results = groups.map((group) => {
    const failures = conditions
      .filter((c) => c.group === group && c.fails(facts))
      .map((c) => ({ condition: c.condition, message: typeof c.message === 'string' ? c.message : c.message(facts) }));
    return { group, passed: failures.length === 0, failures };
  });
  return { passed: results.every((g) => g.passed), groups: results };
}
