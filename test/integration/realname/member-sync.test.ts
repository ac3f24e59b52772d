/**
 * R-RN-07 (seed 003 §4.3.1 Table 4-1) and R-RA-06 (issue 13 item 7): when an enterprise master's FIRST enterprise
 * authentication is approved, each member is synchronized exactly per Table 4-1 (cases 1–6, real associations);
 * when the master's enterprise re-authentication is approved, members authenticated with the master's old
 * enterprise information follow it.
 */
import { describe, expect, it } from 'vitest';
import { findAccount } from '../../../lib/accounts/store.js';
import { newId } from '../../../lib/core/crypto.js';
import { loadCertificate, realNameState } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { acceptedMember, enabledMaster, setAccountType } from '../../support/enterprise.js';
import { tracesOf } from '../../support/partners.js';
import { approve, firmDetails, storedApplication, uniqueNumber } from '../../support/realname.js';

interface Case {
  no: number;
  memberName: 'A' | 'B';
  memberAuthenticated: boolean;
  approvedName: 'A' | 'B';
  synchronized: boolean;
}

// Master: enterprise name A, not authenticated, in every case.
const TABLE_4_1: Case[] = [
  { no: 1, memberName: 'A', memberAuthenticated: false, approvedName: 'A', synchronized: true },
  { no: 2, memberName: 'A', memberAuthenticated: false, approvedName: 'B', synchronized: true },
  { no: 3, memberName: 'A', memberAuthenticated: true, approvedName: 'B', synchronized: true },
  { no: 4, memberName: 'B', memberAuthenticated: false, approvedName: 'B', synchronized: true },
  { no: 5, memberName: 'B', memberAuthenticated: false, approvedName: 'A', synchronized: false },
  { no: 6, memberName: 'B', memberAuthenticated: true, approvedName: 'A', synchronized: false },
];

async function memberOf(master: { token: string }, name: string) {
  const account = await activeAccount();
  const typed = await setAccountType(account, 'enterprise', name);
  expect(typed.status, JSON.stringify(typed.body)).toBe(200);
  const { member } = await acceptedMember(master, { account });
  return member;
}

describe('R-RN-07: master→member synchronization on the master’s first enterprise authentication (Table 4-1)', () => {
  it.each(TABLE_4_1)(
    'R-RN-07 Table 4-1 case $no: member $memberName (authenticated: $memberAuthenticated), master first authenticated as $approvedName → synchronized: $synchronized',
    async (c) => {
      const tag = newId().slice(-6);
      const names = { A: `Alpha ${tag} GmbH`, B: `Beta ${tag} GmbH` };
      const master = await enabledMaster({ enterpriseName: names.A });
      const member = await memberOf(master, names[c.memberName]);
      const memberNumber = uniqueNumber('HRB');
      if (c.memberAuthenticated) {
        const own = await storedApplication(member.accountId, 'enterprise', firmDetails(memberNumber, names[c.memberName]));
        await approve(own.applicationId);
      }
      const before = await realNameState(member.accountId);

      const masterNumber = uniqueNumber('HRB');
      const firm = firmDetails(masterNumber, names[c.approvedName]);
      const app = await storedApplication(master.accountId, 'enterprise', firm);
      await approve(app.applicationId);
      expect((await realNameState(master.accountId)).firstEnterpriseAuthAt).toBeDefined();

      const after = await realNameState(member.accountId);
      const account = (await findAccount(member.accountId))!;
      const onMaster = (await loadCertificate('enterprise', firm.registrationNumberHash)).accounts;
      if (c.synchronized) {
        expect(after.current).toMatchObject({
          kind: 'enterprise',
          details: firm,
          applicationId: app.applicationId,
          syncedFromAccountId: master.accountId,
        });
        expect(account).toMatchObject({ accountType: 'enterprise', enterpriseName: names[c.approvedName], authStatus: 'authenticated' });
        expect(onMaster).toEqual([master.accountId, member.accountId].sort());
        const trace = (await tracesOf(member.accountId)).find((t) =>
          t.changes?.some((ch: { field: string }) => ch.field === 'realNameSynchronizedFrom'),
        );
        expect(trace?.actor).toBe('operator:test');
        if (c.memberAuthenticated) {
          // Case 3: the member's own number no longer counts it.
          expect((await loadCertificate('enterprise', firmDetails(memberNumber, '').registrationNumberHash)).accounts).toEqual([]);
        }
      } else {
        expect(after.current).toEqual(before.current);
        expect(account.enterpriseName).toBe(names[c.memberName]);
        expect(account.authStatus).toBe(c.memberAuthenticated ? 'authenticated' : 'unauthenticated');
        expect(onMaster).toEqual([master.accountId]);
      }
    },
  );

  it('R-RN-07: only the FIRST enterprise authentication synchronizes (a later member is not touched by a re-approval of another kind)', async () => {
    const tag = newId().slice(-6);
    const master = await enabledMaster({ enterpriseName: `Gamma ${tag}` });
    const first = await storedApplication(master.accountId, 'enterprise', firmDetails(uniqueNumber('HRB'), `Gamma ${tag}`));
    await approve(first.applicationId);
    const late = await memberOf(master, `Gamma ${tag}`);
    // An enterprise-name change keeps the number; the late member was not on the master's authentication: untouched.
    const current = (await realNameState(master.accountId)).current!;
    const rename = await storedApplication(
      master.accountId,
      'enterprise-name',
      { ...current.details, enterpriseName: `Gamma ${tag} Renamed` } as never,
      { certificate: 'mt_c' },
      'mt_form',
    );
    await approve(rename.applicationId);
    expect((await realNameState(late.accountId)).current).toBeUndefined();
  });
});

describe('R-RA-06: a master’s enterprise re-authentication is synchronized to the members that shared its authentication', () => {
  it('R-RA-06: members on the master’s old registration number follow the entity change; a member authenticated on its own number does not', async () => {
    const tag = newId().slice(-6);
    const name = `Delta ${tag} GmbH`;
    const master = await enabledMaster({ enterpriseName: name });
    const shared = await memberOf(master, name);
    const own = await memberOf(master, `Epsilon ${tag} GmbH`);
    const ownFirm = firmDetails(uniqueNumber('HRB'), `Epsilon ${tag} GmbH`);
    await approve((await storedApplication(own.accountId, 'enterprise', ownFirm)).applicationId);
    const oldFirm = firmDetails(uniqueNumber('HRB'), name);
    await approve((await storedApplication(master.accountId, 'enterprise', oldFirm)).applicationId);
    expect((await realNameState(shared.accountId)).current?.details).toEqual(oldFirm);

    const newFirm = firmDetails(uniqueNumber('HRB'), `Zeta ${tag} AG`);
    const change = await storedApplication(master.accountId, 'enterprise-entity', newFirm, { certificate: 'mt_c' }, 'mt_form');
    await approve(change.applicationId);

    expect((await realNameState(shared.accountId)).current).toMatchObject({ details: newFirm, applicationId: change.applicationId });
    expect((await findAccount(shared.accountId))!.enterpriseName).toBe(`Zeta ${tag} AG`);
    expect((await realNameState(own.accountId)).current?.details).toEqual(ownFirm);
    expect((await loadCertificate('enterprise', oldFirm.registrationNumberHash)).accounts).toEqual([]);
    expect((await loadCertificate('enterprise', newFirm.registrationNumberHash)).accounts).toEqual(
      [master.accountId, shared.accountId].sort(),
    );
  });
});
