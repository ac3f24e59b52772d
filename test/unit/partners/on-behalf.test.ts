/**
 * R-PA-06 (issue 11 item "authorization to act on the customer's behalf"): only an association the customer
 * authorized lets the partner act on the customer's behalf; the partner's own rights as reseller (budget,
 * disassociation) do not depend on it. Pure (lib/partners/on-behalf.ts).
 */
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../lib/core/errors.js';
import { ON_BEHALF_OPERATIONS, assertMayActOnBehalf, mayActOnBehalf } from '../../../lib/partners/on-behalf.js';

describe('mayActOnBehalf (R-PA-06)', () => {
  it.each([
    ['authorized at association or later', { authorized: true }, true],
    ['never authorized', { authorized: false }, false],
    ['authorization revoked', { authorized: false, authorizedAt: '2026-11-24T00:00:00.000Z' }, false],
  ])('%s → %s', (_name, association, expected) => {
    expect(mayActOnBehalf(association)).toBe(expected);
  });

  it('R-PA-06: without authorization an on-behalf operation is refused with NOT_ALLOWED naming `not-authorized`', () => {
    expect(() => assertMayActOnBehalf({ authorized: false })).toThrow(RuleViolation);
    try {
      assertMayActOnBehalf({ authorized: false });
    } catch (error) {
      expect((error as RuleViolation).code).toBe('NOT_ALLOWED');
      expect((error as RuleViolation).details.failures).toEqual([expect.objectContaining({ condition: 'not-authorized' })]);
    }
    expect(() => assertMayActOnBehalf({ authorized: true })).not.toThrow();
  });

  it('R-PA-06: setting a budget and disassociating are the partner relationship itself, not on-behalf operations', () => {
    expect(ON_BEHALF_OPERATIONS).not.toContain('set-budget');
    expect(ON_BEHALF_OPERATIONS).not.toContain('request-disassociation');
    expect(ON_BEHALF_OPERATIONS).toContain('place-order');
  });
});
