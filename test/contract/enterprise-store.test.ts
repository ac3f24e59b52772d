/**
 * Contract of the enterprise store (lib/enterprise/store.ts) and the enterprise facts helpers of
 * lib/core/checks/store.ts on DynamoDB Local (issue 12): what every implementation of these intentions must guarantee.
 */
import { describe, expect, it } from 'vitest';
import { associationFactsWrite, enterpriseMasterSet, loadFacts, memberFactsClear, stillUnassociated } from '../../lib/core/checks/store.js';
import { newId } from '../../lib/core/crypto.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';
import type { MemberRow } from '../../lib/enterprise/model.js';
import {
  listFormerWindows,
  listMembers,
  loadMember,
  loadMemberOf,
  loadProfile,
  memberAssociateWrites,
  memberEndWrites,
  memberUpdate,
  openInvitationsRelease,
  openInvitationsTake,
  profilePut,
} from '../../lib/enterprise/store.js';

const row = (masterId: string, memberId: string, mode: 'unified' | 'independent' = 'unified'): MemberRow => ({
  masterAccountId: masterId,
  memberAccountId: memberId,
  accountingMode: mode,
  requestedPermissions: ['view-bills'],
  permissions: [],
  associatedAt: '2026-01-01T00:00:00.000Z',
  createdByMaster: false,
  version: 1,
});

async function failedTags(items: Parameters<typeof transact>[0]): Promise<string[]> {
  try {
    await transact(items);
  } catch (error) {
    if (error instanceof ConditionFailed)
      return ['cap', 'profile', 'member', 'pointer', 'invitee-master', 'facts'].filter((t) => error.failed(t));
    throw error;
  }
  return [];
}

const profile = (masterId: string) => ({
  masterAccountId: masterId,
  enterpriseName: 'ACME',
  enabledAt: '2026-01-01T00:00:00.000Z',
  openInvitations: 0,
  version: 1,
});

describe('enterprise store contract (issue 12)', () => {
  it('a profile is put once; open invitations are taken up to the cap and given back', async () => {
    const masterId = newId('acc_');
    await transact([profilePut(profile(masterId))]);
    expect(await failedTags([profilePut(profile(masterId))])).toEqual(['profile']);
    await transact([openInvitationsTake(masterId, 2)]);
    await transact([openInvitationsTake(masterId, 2)]);
    expect(await failedTags([openInvitationsTake(masterId, 2)])).toEqual(['cap']);
    await transact([openInvitationsRelease(masterId)]);
    expect((await loadProfile(masterId))!.openInvitations).toBe(1);
    // No profile: nothing to take from or give back to.
    expect(await failedTags([openInvitationsTake(newId('acc_'), 2)])).toEqual(['cap']);
    expect(await failedTags([openInvitationsRelease(newId('acc_'))])).toEqual(['profile']);
  });

  it('an association: one master per member (pointer), never a master (invitee-master); facts and counters follow; the end keeps a window', async () => {
    const [masterId, otherId, memberId] = [newId('acc_'), newId('acc_'), newId('acc_')];
    const r = row(masterId, memberId, 'independent');
    await transact(memberAssociateWrites(r));
    expect(await failedTags(memberAssociateWrites(row(otherId, memberId)))).toEqual(['pointer']);
    expect(await loadMemberOf(memberId)).toEqual(r);
    expect(await loadMember(otherId, memberId)).toBeUndefined();
    expect((await listMembers(masterId)).items).toEqual([r]);
    const member = await loadFacts(memberId);
    expect(member.associations).toMatchObject({ enterpriseAssociated: true, enterpriseMember: true, enterpriseUnifiedMember: false });
    expect(member.masterAccountId).toBe(masterId);
    const master = await loadFacts(masterId);
    expect(master.associations).toMatchObject({ enterpriseAssociated: true, masterWithIndependentMembers: true });
    // R-CL-03: a master with members is not unassociated.
    expect(await failedTags([stillUnassociated(masterId)])).toEqual(['facts']);

    // A master cannot become a member; a member cannot become a master.
    const masterOnly = newId('acc_');
    await transact([enterpriseMasterSet(masterOnly)]);
    expect(await failedTags(memberAssociateWrites(row(otherId, masterOnly)))).toEqual(['invitee-master']);
    expect(await failedTags([enterpriseMasterSet(memberId)])).toEqual(['facts']);

    // R-MM-01 (invitee conditions, held at the commit): partner staff or a partner's customer recorded after the
    // invitee was judged refuses the association too.
    for (const fact of ['partnerProgram', 'partnerAssociated'] as const) {
      const partnerSide = newId('acc_');
      await transact([associationFactsWrite(partnerSide, { [fact]: true })]);
      expect(await failedTags(memberAssociateWrites(row(otherId, partnerSide))), fact).toEqual(['invitee-master']);
    }

    // Updates and the end are conditional on the version read.
    await transact([memberUpdate(r, { permissions: ['view-bills'] })]);
    expect(await failedTags([memberUpdate(r, { permissions: [] })])).toEqual(['member']);
    expect(await failedTags(memberEndWrites(r, '2026-02-01T00:00:00.000Z'))).toEqual(['member']);
    const current = (await loadMember(masterId, memberId))!;
    expect(current).toMatchObject({ permissions: ['view-bills'], version: 2 });
    await transact(memberEndWrites(current, '2026-02-01T00:00:00.000Z', { awaitingPaymentMethod: true }));
    expect(await loadMemberOf(memberId)).toBeUndefined();
    const after = await loadFacts(memberId);
    expect(after.associations).toMatchObject({ enterpriseAssociated: false, enterpriseMember: false, awaitingPaymentMethod: true });
    expect(after.masterAccountId).toBeUndefined();
    expect((await loadFacts(masterId)).memberCounts).toEqual({ enterpriseMembers: 0, unifiedMembers: 0, independentMembers: 0 });
    expect((await loadFacts(masterId)).associations.enterpriseAssociated).toBe(false);
    expect(await failedTags([stillUnassociated(masterId), stillUnassociated(memberId)])).toEqual([]);
    expect(await listFormerWindows(masterId, memberId)).toEqual([
      { memberAccountId: memberId, accountingMode: 'independent', from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
    ]);
    // Clearing facts of an account with none leaves no association behind.
    await transact([memberFactsClear(newId('acc_'))]);
  });

  it('members are listed a bounded page at a time', async () => {
    const masterId = newId('acc_');
    for (let i = 0; i < 3; i += 1) await transact(memberAssociateWrites(row(masterId, newId('acc_'))));
    const first = await listMembers(masterId, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listMembers(masterId, { limit: 2, cursor: first.cursor });
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((m) => m.memberAccountId)).size).toBe(3);
  });
});
