/**
 * Issue 12: races on DynamoDB Local (R-MM-02, R-MM-07) — sets of outcomes, never an order: the member accepts an
 * invitation while the master cancels it (exactly one wins); two masters invite one account at once (one open); the
 * member agrees to a disassociation while the master cancels it (exactly one wins, the state matches the winner); two
 * members accept invitations of one master at once (the counters are exact).
 */
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../../lib/core/checks/store.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { loadMemberOf, loadProfile } from '../../../lib/enterprise/store.js';
import { activeAccount } from '../../support/closure.js';
import { acceptedMember, cancelInvitation, decide, enabledMaster, invite } from '../../support/enterprise.js';
import { freshToken } from '../../support/disassociation.js';
import {
  cancelDisassociation,
  createMember,
  decideDisassociation,
  recordPaymentMethod,
  requestDisassociation,
} from '../../support/enterprise-disassociation.js';

const conditionsOf = (body: { failures?: Array<{ condition: string }> }) => (body.failures ?? []).map((f) => f.condition);
const ROUNDS = 3;

describe('issue 12: races (R-MM-02, R-MM-07)', () => {
  it('R-MM-07: the member accepts while the master cancels — exactly one wins and the state is the winner’s', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const master = await enabledMaster();
      const account = await activeAccount();
      const { invitationId } = (await invite(master, account)).body;
      const [accepted, canceled] = await Promise.all([decide(account, invitationId), cancelInvitation(master, invitationId)]);
      expect([accepted.status, canceled.status].sort()).toEqual([200, 422]);
      const loser = accepted.status === 422 ? accepted : canceled;
      expect(conditionsOf(loser.body)).toEqual(['not-pending']);
      const state = (await loadHandshake(invitationId))!.state;
      const associated = (await loadMemberOf(account.accountId)) !== undefined;
      if (accepted.status === 200) expect([state, associated]).toEqual(['accepted', true]);
      else expect([state, associated]).toEqual(['canceled', false]);
      // Either way the slot came back exactly once.
      expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
    }
  });

  it('R-MM-07: two masters invite one account at once — exactly one invitation is open (the other: invitation-pending)', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const [a, b] = [await enabledMaster(), await enabledMaster()];
      const account = await activeAccount();
      const results = await Promise.all([invite(a, account), invite(b, account)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
      const loser = results.find((r) => r.status === 422)!;
      expect(loser.body.code).toBe('NOT_ALLOWED');
      expect(conditionsOf(loser.body)).toEqual(['invitation-pending']);
      const open = [(await loadProfile(a.accountId))!.openInvitations, (await loadProfile(b.accountId))!.openInvitations];
      expect(open.sort()).toEqual([0, 1]);
    }
  });

  it('R-MM-02: the member agrees to a disassociation while the master cancels it — exactly one wins and the association matches', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const master = await enabledMaster();
      const { member } = await acceptedMember(master);
      const { requestId } = (await requestDisassociation(master, member.accountId)).body;
      const [agreed, canceled] = await Promise.all([decideDisassociation(member, requestId), cancelDisassociation(master, requestId)]);
      expect([agreed.status, canceled.status].sort()).toEqual([200, 422]);
      const loser = agreed.status === 422 ? agreed : canceled;
      expect(conditionsOf(loser.body)).toEqual(['not-pending']);
      const state = (await loadHandshake(requestId))!.state;
      const associated = (await loadMemberOf(member.accountId)) !== undefined;
      const members = (await loadFacts(master.accountId)).memberCounts?.enterpriseMembers;
      if (agreed.status === 200) expect([state, associated, members]).toEqual(['accepted', false, 0]);
      else expect([state, associated, members]).toEqual(['canceled', true, 1]);
    }
  });

  it('issue 12: two members accept invitations of one master at once — the master’s counters are exact', async () => {
    const master = await enabledMaster();
    const [x, y] = [await activeAccount(), await activeAccount()];
    const ix = (await invite(master, x, { accountingMode: 'unified' })).body.invitationId as string;
    const iy = (await invite(master, y, { accountingMode: 'independent' })).body.invitationId as string;
    const results = await Promise.all([decide(x, ix), decide(y, iy)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect((await loadFacts(master.accountId)).memberCounts).toEqual({ enterpriseMembers: 2, unifiedMembers: 1, independentMembers: 1 });
    expect((await loadProfile(master.accountId))!.openInvitations).toBe(0);
  });

  it('R-MM-05: a created member binds a payment method while it agrees to the disassociation — the bind is never lost (not left suspended)', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const master = await enabledMaster();
      const { res } = await createMember(master);
      const member = { accountId: res.body.memberAccountId as string, token: '' };
      await freshToken(member);
      const { requestId } = (await requestDisassociation(master, member.accountId)).body;
      const [agreed, bound] = await Promise.all([decideDisassociation(member, requestId), recordPaymentMethod(member.accountId, 'bound')]);
      expect([agreed.status, bound.status], JSON.stringify([agreed.body, bound.body])).toEqual([200, 200]);
      expect(await loadMemberOf(member.accountId)).toBeUndefined();
      expect((await loadFacts(member.accountId)).associations.awaitingPaymentMethod).toBe(false);
    }
  });
});
