/**
 * Issue 10 (core/checks): one facts loader per account. Association facts are written by the area that owns
 * them inside its own transaction (partners and enterprise, still to come), and every check reads them
 * with the standing in one read — the closure check names them (R-CL-03).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NO_ASSOCIATIONS } from '../../../../lib/core/checks/facts.js';
import { setClockOffset } from '../../../../lib/core/clock.js';
import { associationFactsWrite, loadFacts } from '../../../../lib/core/checks/store.js';
import { transact } from '../../../../lib/core/store/writes.js';
import { activeAccount, close, putStanding, runCheck } from '../../../support/closure.js';

const failedConditions = (body: { groups: Array<{ failures: Array<{ condition: string }> }> }) =>
  body.groups.flatMap((g) => g.failures.map((f) => f.condition));

describe('account facts (issue 10, R-CL-03)', () => {
  afterEach(() => setClockOffset(0));

  it('an account with no facts recorded reads as unassociated, with an empty standing at version 0', async () => {
    expect(await loadFacts('acct-without-facts')).toEqual({
      standing: {},
      standingVersion: 0,
      associations: NO_ASSOCIATIONS,
    });
  });

  it.each([
    ['partnerAssociated', 'partner-associated'],
    ['enterpriseAssociated', 'enterprise-associated'],
  ] as const)('R-CL-03 %s written by its area fails the closure check with %s in the account group', async (fact, condition) => {
    const account = await activeAccount();
    await transact([associationFactsWrite(account.accountId, { [fact]: true })]);
    const check = await runCheck(account);
    expect(check.status).toBe(200);
    expect(check.body.passed).toBe(false);
    expect(failedConditions(check.body)).toEqual([condition]);
    expect(check.body.groups.find((g: { group: string }) => g.group === 'account').passed).toBe(false);

    // Once the area sets the fact back, the account passes and may close.
    await transact([associationFactsWrite(account.accountId, { [fact]: false })]);
    setClockOffset(61_000); // past the resend cooldown of the close-services code
    const again = await runCheck(account);
    expect(again.body.passed).toBe(true);
    expect((await close(account.token, again.body.checkId)).status).toBe(200);
  });

  it('the standing and the association facts come from one read (two facts at once)', async () => {
    const account = await activeAccount();
    await putStanding(account.accountId, { overduePayments: true });
    await transact([associationFactsWrite(account.accountId, { partnerAssociated: true, enterpriseAssociated: true })]);
    const facts = await loadFacts(account.accountId);
    expect(facts.standing.overduePayments).toBe(true);
    expect(facts.standingVersion).toBe(1);
    expect(facts.associations).toEqual({ ...NO_ASSOCIATIONS, partnerAssociated: true, enterpriseAssociated: true });
    const check = await runCheck(account);
    expect(failedConditions(check.body).sort()).toEqual(['enterprise-associated', 'overdue-payments', 'partner-associated']);
  });
});
