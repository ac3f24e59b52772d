/** Issue 12 (R-MM-04, R-MM-05): why an account is suspended, decided at read time from its facts. */
import { describe, expect, it } from 'vitest';
import { type AccountFacts, NO_ASSOCIATIONS } from '../../../lib/core/checks/facts.js';
import { suspensionOf } from '../../../lib/core/checks/suspension.js';

const facts = (f: { suspended?: boolean; masterSuspended?: boolean; awaitingPaymentMethod?: boolean }): AccountFacts => ({
  standing: f.suspended === undefined ? {} : { suspended: f.suspended },
  standingVersion: 1,
  associations: { ...NO_ASSOCIATIONS, awaitingPaymentMethod: f.awaitingPaymentMethod === true },
  ...(f.masterSuspended === undefined ? {} : { masterSuspended: f.masterSuspended }),
});

describe('suspensionOf (R-MM-04, R-MM-05)', () => {
  it.each([
    [{}, undefined],
    [{ suspended: false, masterSuspended: false }, undefined],
    [{ suspended: true }, 'suspended'],
    [{ masterSuspended: true }, 'master-suspended'],
    [{ awaitingPaymentMethod: true }, 'payment-method-required'],
    [{ suspended: true, masterSuspended: true, awaitingPaymentMethod: true }, 'suspended'],
    [{ masterSuspended: true, awaitingPaymentMethod: true }, 'master-suspended'],
  ] as const)('R-MM-04/R-MM-05: %j → %s', (f, expected) => {
    expect(suspensionOf(facts(f))).toBe(expected);
  });
});
