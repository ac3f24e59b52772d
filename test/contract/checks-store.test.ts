/** Contract of the facts loader (lib/core/checks/store.ts) on DynamoDB Local (issue 10, R-CL-03, R-SEC-05). */
import { describe, expect, it } from 'vitest';
import { NO_ASSOCIATIONS } from '../../lib/core/checks/facts.js';
import { associationFactsWrite, loadFacts } from '../../lib/core/checks/store.js';
import { transact } from '../../lib/core/store/writes.js';

const uid = () => `ac_${Math.random().toString(36).slice(2, 12)}`;

describe('checks store (account facts)', () => {
  it("R-SEC-05: another account's facts are not found (it reads as unassociated)", async () => {
    const [a, b] = [uid(), uid()];
    await transact([associationFactsWrite(a, { partnerAssociated: true })]);
    expect((await loadFacts(b)).associations).toEqual({ ...NO_ASSOCIATIONS, partnerAssociated: false, enterpriseAssociated: false });
    expect((await loadFacts(a)).associations.partnerAssociated).toBe(true);
  });

  it("R-CL-03: one area setting its fact leaves the other areas' facts as they were, also when both write at once", async () => {
    const a = uid();
    await Promise.all([
      transact([associationFactsWrite(a, { partnerAssociated: true })]),
      transact([associationFactsWrite(a, { enterpriseAssociated: true })]),
    ]);
    expect((await loadFacts(a)).associations).toEqual({ ...NO_ASSOCIATIONS, partnerAssociated: true, enterpriseAssociated: true });
    await transact([associationFactsWrite(a, { enterpriseAssociated: false })]);
    expect((await loadFacts(a)).associations).toEqual({ ...NO_ASSOCIATIONS, partnerAssociated: true, enterpriseAssociated: false });
  });
});
