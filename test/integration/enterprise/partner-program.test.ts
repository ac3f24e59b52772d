/**
 * Issue 12, R-MM-01 the other way round: Enterprise Center is for an account that has not joined the partner
 * program, so an Enterprise Center master cannot join it — neither enrolled as a partner by an operator nor
 * accepting an invitation to a partner's staff (422 CHECK_FAILED `enterprise-master`). The partners area reads
 * the fact (lib/core/checks), never the enterprise area: the refusal is a condition on the account's facts item
 * inside the joining transaction, so it also holds when Enterprise Center is enabled at the same time.
 */
import { describe, expect, it } from 'vitest';
import { handler as enrollHandler } from '../../../functions/partners/enrollPartner.js';
import { enterpriseMasterSet, loadFacts, partnerProgramSet } from '../../../lib/core/checks/store.js';
import { ConditionFailed, transact } from '../../../lib/core/store/writes.js';
import { activeAccount } from '../../support/closure.js';
import { enable, enabledMaster, setAccountType } from '../../support/enterprise.js';
import { invoke } from '../../support/http.js';
import { OPS, decideMembership, enrolledPartner, inviteMember } from '../../support/partners.js';

const enroll = (accountId: string) =>
  invoke(enrollHandler, { method: 'POST', path: '/v1/ops/partners', headers: OPS, body: { accountId, name: 'Would-be partner' } });
const conditions = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);

describe('R-MM-01: an Enterprise Center master cannot join the partner program', () => {
  it('R-MM-01: an operator enrolling a master as a partner is refused (422 CHECK_FAILED enterprise-master); nothing written', async () => {
    const master = await enabledMaster();
    const res = await enroll(master.accountId);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('CHECK_FAILED');
    expect(conditions(res.body)).toEqual(['enterprise-master']);
    expect((await loadFacts(master.accountId)).associations.partnerProgram).toBe(false);
  });

  it("R-MM-01: a master accepting an invitation to a partner's staff is refused (422 CHECK_FAILED enterprise-master); the invitation stays pending, rejecting it works", async () => {
    const partner = await enrolledPartner();
    const master = await enabledMaster();
    const invited = await inviteMember(partner, master.accountId);
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const accepted = await decideMembership(master, invited.body.requestId, true);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(422);
    expect(accepted.body.code).toBe('CHECK_FAILED');
    expect(conditions(accepted.body)).toEqual(['enterprise-master']);
    expect((await loadFacts(master.accountId)).associations.partnerProgram).toBe(false);
    expect((await decideMembership(master, invited.body.requestId, false)).status).toBe(200);
  });

  it('R-MM-01: enabling Enterprise Center and being enrolled as a partner at the same time — exactly one wins, never both', async () => {
    for (let round = 0; round < 3; round += 1) {
      const account = await activeAccount();
      expect((await setAccountType(account, 'enterprise')).status).toBe(200);
      const [enabled, enrolled] = await Promise.all([enable(account), enroll(account.accountId)]);
      const outcome = [enabled.status === 200, enrolled.status === 201];
      expect(outcome.filter(Boolean), JSON.stringify([enabled.body, enrolled.body])).toHaveLength(1);
      const loser = enabled.status === 200 ? enrolled : enabled;
      expect(loser.status).toBe(422);
      expect(conditions(loser.body)).toEqual([enabled.status === 200 ? 'enterprise-master' : 'partner-program']);
      const { associations } = await loadFacts(account.accountId);
      expect(associations.enterpriseMaster && associations.partnerProgram).toBe(false);
    }
  });

  it('R-MM-01: the facts item refuses the second role whichever commits first (the conditions the race above relies on)', async () => {
    const partner = await enrolledPartner();
    const master = await enabledMaster();
    const refusedEnable = await transact([enterpriseMasterSet(partner.admin.accountId)]).catch((e) => e);
    expect(refusedEnable).toBeInstanceOf(ConditionFailed);
    expect((refusedEnable as ConditionFailed).failed('facts')).toBe(true);
    const refusedJoin = await transact([partnerProgramSet(master.accountId)]).catch((e) => e);
    expect(refusedJoin).toBeInstanceOf(ConditionFailed);
    expect((refusedJoin as ConditionFailed).failed('enterprise-master')).toBe(true);
  });
});
