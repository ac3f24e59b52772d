/**
 * Review finding R2 (issue 10): closing judged "not associated" on facts read before the commit; an association
 * recorded between that read and the commit must refuse the close (R-CL-03), as a changed standing does.
 */
import { describe, expect, it, vi } from 'vitest';
import * as checks from '../../../lib/core/checks/store.js';
import { transact } from '../../../lib/core/store/writes.js';
import { activeAccount, close, runCheck } from '../../support/closure.js';

vi.mock('../../../lib/core/checks/store.js', async (original) => {
  const actual = await original<typeof import('../../../lib/core/checks/store.js')>();
  return { ...actual, loadFacts: vi.fn(actual.loadFacts) };
});

describe('closing and a concurrent association (R-CL-03, issue 10 review R2)', () => {
  it.each(['partnerAssociated', 'enterpriseAssociated'] as const)(
    'an association (%s) recorded after the close read the facts refuses the close with 409, and nothing closes',
    async (fact) => {
      const account = await activeAccount();
      const check = await runCheck(account);
      expect(check.body.passed).toBe(true);
      const loadFacts = vi.mocked(checks.loadFacts);
      loadFacts.mockImplementationOnce(async (accountId) => {
        const facts = await vi.importActual<typeof checks>('../../../lib/core/checks/store.js').then((m) => m.loadFacts(accountId));
        // The area records the association right after the close read the facts.
        await transact([checks.associationFactsWrite(accountId, { [fact]: true })]);
        return facts;
      });
      const res = await close(account.token, check.body.checkId);
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.code).toBe('STATE_CONFLICT');
      expect((await checks.loadFacts(account.accountId)).associations[fact]).toBe(true);
    },
  );

  it('without an association the same close succeeds (the condition holds on an account with no facts item)', async () => {
    const account = await activeAccount();
    const check = await runCheck(account);
    expect((await close(account.token, check.body.checkId)).status).toBe(200);
  });
});
