/**
 * Issue 11 ("closure checks now fail with `partner-associated` for an associated customer") over the real partner
 * items: R-CL-03 reads the facts the partners area writes in the association's own transaction, and passes again
 * once the association ends (the foundation's `associationEndWrites`, the writes every disassociation commits).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClockOffset } from '../../../lib/core/clock.js';
import { transact } from '../../../lib/core/store/writes.js';
import { associationEndWrites, loadCustomerPartner } from '../../../lib/partners/store.js';
import { runCheck } from '../../support/closure.js';
import { associatedCustomer, enrolledPartner } from '../../support/partners.js';

const failed = (body: { groups: Array<{ failures: Array<{ condition: string }> }> }) =>
  body.groups.flatMap((g) => g.failures.map((f) => f.condition));

afterEach(() => setClockOffset(0));

describe('closure check and partner association (R-CL-03, issue 11)', () => {
  it.each(['reseller', 'referral'] as const)(
    'R-CL-03: a %s customer fails the closure check with partner-associated, and passes once the association ends',
    async (model) => {
      const partner = await enrolledPartner();
      const { customer } = await associatedCustomer(partner, { model });
      const associated = await runCheck(customer);
      expect(associated.status, JSON.stringify(associated.body)).toBe(200);
      expect(associated.body.passed).toBe(false);
      expect(failed(associated.body)).toEqual(['partner-associated']);
      expect(associated.body.groups.find((g: { group: string }) => g.group === 'account').passed).toBe(false);

      const association = (await loadCustomerPartner(customer.accountId))!;
      await transact(associationEndWrites(association));

      setClockOffset(61_000); // past the code-send cooldown (R-VC-02)
      const ended = await runCheck(customer);
      expect(ended.status, JSON.stringify(ended.body)).toBe(200);
      expect(failed(ended.body)).toEqual([]);
      expect(ended.body.passed).toBe(true);
    },
  );
});
