/**
 * Contract of the partners store (lib/partners/store.ts) and the association log (lib/core/association-log) on
 * DynamoDB Local (issue 11): what every implementation of these intentions must guarantee.
 */
import { describe, expect, it } from 'vitest';
import { logWrites, pairViews } from '../../lib/core/association-log/log.js';
import { listLog } from '../../lib/core/association-log/store.js';
import { loadFacts } from '../../lib/core/checks/store.js';
import { newId } from '../../lib/core/crypto.js';
import { ConditionFailed, transact } from '../../lib/core/store/writes.js';
import type { Association } from '../../lib/partners/model.js';
import {
  associationCreateWrites,
  associationEndWrites,
  associationUpdate,
  invitationDayCount,
  invitationPut,
  invitationRevoke,
  invitationStillOpen,
  loadCustomerPartner,
  loadPartnerCustomer,
  loadMemberClaim,
  loadStaffRole,
  staffAssigned,
  staffLeaveWrites,
  staffWrites,
} from '../../lib/partners/store.js';

const association = (partnerId: string, customerId: string, model: 'reseller' | 'referral' = 'reseller'): Association => ({
  partnerId,
  customerId,
  model,
  associatedAt: '2026-01-01T00:00:00.000Z',
  invitationId: newId('pi_'),
  frozen: model === 'reseller',
  authorized: false,
  customerName: 'Customer',
  version: 1,
});

/** Runs a transaction; answers the tags whose condition failed ([] when it committed). */
async function failedTags(items: Parameters<typeof transact>[0]): Promise<string[]> {
  try {
    await transact(items);
    return [];
  } catch (error) {
    if (error instanceof ConditionFailed) return error.failedTags();
    throw error;
  }
}

describe('partners store (issue 11)', () => {
  it("R-SEC-05: another partner's customer is not found; the customer's pointer leads to its own partner", async () => {
    const [p1, p2, c] = [newId('pt_'), newId('pt_'), newId('ac_')];
    await transact(associationCreateWrites(association(p1, c)));
    expect(await loadPartnerCustomer(p2, c)).toBeUndefined();
    expect((await loadPartnerCustomer(p1, c))?.customerId).toBe(c);
    expect((await loadCustomerPartner(c))?.partnerId).toBe(p1);
    expect(await loadCustomerPartner(newId('ac_'))).toBeUndefined();
    const facts = await loadFacts(c);
    expect(facts.associations).toMatchObject({ partnerAssociated: true, partnerFrozen: true });
  });

  it('R-PA-02: a customer has at most one partner: a second association is refused by the pointer, also when two race', async () => {
    const c = newId('ac_');
    const results = await Promise.all([
      failedTags(associationCreateWrites(association(newId('pt_'), c))),
      failedTags(associationCreateWrites(association(newId('pt_'), c))),
    ]);
    expect(results.filter((r) => r.length === 0)).toHaveLength(1);
    expect(results.find((r) => r.length > 0)).toContain('pointer');
  });

  it('an association changes only from the version read: a stale update or end is refused (version conflict)', async () => {
    const [p, c] = [newId('pt_'), newId('ac_')];
    await transact(associationCreateWrites(association(p, c)));
    const read = (await loadPartnerCustomer(p, c))!;
    expect(await failedTags([associationUpdate(read, { frozen: false, accountManagerId: 'ac_m' })])).toEqual([]);
    const next = (await loadPartnerCustomer(p, c))!;
    expect(next).toMatchObject({ frozen: false, accountManagerId: 'ac_m', version: 2 });
    expect(await failedTags([associationUpdate(read, { frozen: true })])).toEqual(['association']);
    expect(await failedTags(associationEndWrites(read))).toEqual(['association']);
    expect(await failedTags([associationUpdate(next, { accountManagerId: undefined })])).toEqual([]);
    const cleared = (await loadPartnerCustomer(p, c))!;
    expect(cleared.accountManagerId).toBeUndefined();
    expect(await failedTags(associationEndWrites(cleared))).toEqual([]);
    expect(await loadCustomerPartner(c)).toBeUndefined();
    expect((await loadFacts(c)).associations).toMatchObject({ partnerAssociated: false, partnerFrozen: false });
  });

  it('an account is staff of at most one partner organisation (its claim), and staff get partnerProgram (R-RN-05 seam)', async () => {
    const a = newId('ac_');
    expect(await failedTags(staffWrites(newId('pt_'), a, 'administrator', '2026-01-01T00:00:00.000Z'))).toEqual([]);
    expect(await failedTags(staffWrites(newId('pt_'), a, 'account-manager', '2026-01-01T00:00:00.000Z'))).toEqual(['staff']);
    expect((await loadStaffRole(a))?.role).toBe('administrator');
    expect((await loadFacts(a)).associations.partnerProgram).toBe(true);
  });

  it('R-PD-04 / R-RN-05 (issue 11 review finding 3): an account manager leaves only while no assignment came after the claim was read; leaving clears partnerProgram', async () => {
    const [p, a] = [newId('pt_'), newId('ac_')];
    await transact(staffWrites(p, a, 'account-manager', '2026-01-01T00:00:00.000Z'));
    const read = (await loadMemberClaim(a))!;
    expect(read).toEqual({ partnerId: p, role: 'account-manager', assignmentSeq: 0 });
    expect(await failedTags([staffAssigned(a, read)])).toEqual([]);
    expect(await failedTags(staffLeaveWrites(p, a, read.assignmentSeq))).toEqual(['member']);
    expect(await failedTags(staffLeaveWrites(newId('pt_'), a, 1))).toEqual(['member']);
    expect(await failedTags(staffLeaveWrites(p, a, 1))).toEqual([]);
    expect(await loadStaffRole(a)).toBeUndefined();
    expect((await loadFacts(a)).associations.partnerProgram).toBe(false);
    // An assignment to an account that left is refused.
    expect(await failedTags([staffAssigned(a, read)])).toEqual(['staff']);
    // The administrator never leaves this way.
    const admin = newId('ac_');
    await transact(staffWrites(p, admin, 'administrator', '2026-01-01T00:00:00.000Z'));
    expect(await failedTags(staffLeaveWrites(p, admin, 0))).toEqual(['member']);
  });

  it('R-PA-01: the daily invitation counter never passes its cap, also under parallel counts', async () => {
    const p = newId('pt_');
    const results = await Promise.all(Array.from({ length: 5 }, () => failedTags([invitationDayCount(p, '2026-01-01', 3, 1)])));
    expect(results.filter((r) => r.length === 0)).toHaveLength(3);
    expect(results.filter((r) => r.includes('quota'))).toHaveLength(2);
  });

  it('R-PD-07: the association log keeps one entry per view, listed by time, paged with a cursor bound to the view', async () => {
    const [p, c] = [newId('pt_'), newId('ac_')];
    for (const [i, event] of ['invitation-created', 'associated', 'frozen'].entries()) {
      await transact(
        logWrites(
          {
            area: 'partner',
            event,
            actor: { kind: 'account', id: c },
            partnerId: p,
            customerId: c,
            time: `2026-01-0${i + 1}T00:00:00.000Z`,
          },
          pairViews(p, c),
        ),
      );
    }
    for (const view of pairViews(p, c))
      expect((await listLog(view)).items.map((e) => e.event)).toEqual(['invitation-created', 'associated', 'frozen']);
    const newest = await listLog(p, { newestFirst: true, limit: 2 });
    expect(newest.items.map((e) => e.event)).toEqual(['frozen', 'associated']);
    const rest = await listLog(p, { newestFirst: true, limit: 2, cursor: newest.cursor });
    expect(rest.items.map((e) => e.event)).toEqual(['invitation-created']);
    await expect(listLog(c, { newestFirst: true, limit: 2, cursor: newest.cursor })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const ranged = await listLog(c, { from: '2026-01-02T00:00:00.000Z', to: '2026-01-02T00:00:00.000Z' });
    expect(ranged.items.map((e) => e.event)).toEqual(['associated']);
    expect(ranged.items[0]).toMatchObject({ area: 'partner', partnerId: p, customerId: c, time: '2026-01-02T00:00:00.000Z' });
  });

  it('R-PA-01: a revoked invitation no longer holds in an association transaction; a revoke counts once', async () => {
    const invitation = {
      invitationId: newId('pi_'),
      partnerId: newId('pt_'),
      model: 'reseller' as const,
      secretHash: 'h',
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-31T00:00:00.000Z',
      createdBy: 'ac_admin',
    };
    expect(await failedTags([invitationStillOpen(invitation.invitationId)])).toEqual(['invitation']);
    await transact([invitationPut(invitation)]);
    expect(await failedTags([invitationStillOpen(invitation.invitationId)])).toEqual([]);
    expect(await failedTags([invitationRevoke({ ...invitation, partnerId: newId('pt_') }, '2026-01-02T00:00:00.000Z', 'x')])).toEqual([
      'invitation',
    ]);
    expect(await failedTags([invitationRevoke(invitation, '2026-01-02T00:00:00.000Z', 'ac_admin')])).toEqual([]);
    expect(await failedTags([invitationRevoke(invitation, '2026-01-03T00:00:00.000Z', 'ac_admin')])).toEqual(['invitation']);
    expect(await failedTags([invitationStillOpen(invitation.invitationId)])).toEqual(['invitation']);
  });
});
