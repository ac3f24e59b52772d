/**
 * Review R2 (issue 13 item 7, R-RN-05): "Individual authentication is refused for an account that joined a partner
 * program." The partner-program fact is judged (and held) only at submission; nothing stops the account from joining
 * a partner program while its individual application waits for review, and the decision (decision-rules.ts /
 * decideRealNameApplication.ts) neither reads nor holds the fact. The operator's approval then makes a partner-program
 * account individual-authenticated.
 */
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { loadApplication, realNameState } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { enrollAsPartner } from '../../support/partners.js';
import { applied, decideApplication } from '../../support/realname.js';

describe('R-RN-05 judged again at the decision (issue 13 review R2 item 1)', () => {
  it('R-RN-05: an individual application pending while the account joins a partner program is not approved into an individual authentication', async () => {
    const account = await activeAccount();
    const app = await applied(account, 'individual');
    // The account joins a partner program (enrolled as a partner's administrator) while the application is pending.
    await enrollAsPartner(account);
    expect((await loadFacts(account.accountId)).associations.partnerProgram).toBe(true);

    const decided = await decideApplication(app.applicationId as string, { approve: true });

    const state = await realNameState(account.accountId);
    const stored = await findAccount(account.accountId);
    // Either the decision refuses (422 partner-program) or at least the account must not end up individual-authenticated.
    expect(
      { status: decided.status, current: state.current?.kind, accountType: stored?.accountType },
      JSON.stringify(decided.body),
    ).not.toMatchObject({ status: 200, current: 'individual', accountType: 'individual' });
    // The approval is refused with what to do; the application stays pending (the operator can still reject it).
    expect(decided.status).toBe(422);
    expect(decided.body.code).toBe('NOT_ALLOWED');
    expect(decided.body.failures.map((f: { condition: string }) => f.condition)).toEqual(['partner-program']);
    expect((await loadApplication(app.applicationId as string))?.status).toBe('pending');
    expect(
      (
        await decideApplication(app.applicationId as string, {
          approve: false,
          reasons: [{ code: 'other', note: 'apply as an enterprise' }],
        })
      ).status,
    ).toBe(200);
  });
});
