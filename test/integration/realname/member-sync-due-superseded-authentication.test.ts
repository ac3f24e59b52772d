/**
 * Review R3 (R-RN-07, R-RA-06; the durable sync of review R2 item 9, lib/realname/member-sync-due.ts): a due row
 * left behind is run by the scheduler with the authentication of ITS application, whatever the master holds now.
 * processMemberSyncDue never checks that the application is still the master's authentication in force. If the
 * master's entity change is approved before the row is run (the row stays while any member's write fails, and comes
 * back after each lease), the scheduler gives the members the master's OLD enterprise (number and name) — a
 * certificate the master itself no longer holds, and a slot on the old number claimed for the member.
 */
import { describe, expect, it, vi } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import { newId } from '../../../lib/core/crypto.js';
import * as memberSync from '../../../lib/realname/member-sync.js';
import { realNameState } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { acceptedMember, enabledMaster, setAccountType } from '../../support/enterprise.js';
import { approve, decideApplication, firmDetails, storedApplication, uniqueNumber } from '../../support/realname.js';

describe('R-RN-07 a member sync left behind is not run with an authentication no longer in force', () => {
  it('R-RN-07 R-RA-06: after the master’s entity change was approved, the old first-authentication sync does not give members the old enterprise', async () => {
    const name = `Iota ${newId().slice(-6)} GmbH`;
    const master = await enabledMaster({ enterpriseName: name });
    const account = await activeAccount();
    expect((await setAccountType(account, 'enterprise', name)).status).toBe(200);
    const { member } = await acceptedMember(master, { account });

    // First enterprise authentication; the sync right after the commit dies (its due row stays).
    const oldFirm = firmDetails(uniqueNumber('HRB'), name);
    const first = await storedApplication(master.accountId, 'enterprise', oldFirm);
    const died = vi.spyOn(memberSync, 'synchronizeMembers').mockRejectedValueOnce(new Error('the function died'));
    const decided = await decideApplication(first.applicationId, { approve: true });
    died.mockRestore();
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    // Before the scheduler runs the row, the master's entity change is approved: a new enterprise is in force.
    const newFirm = firmDetails(uniqueNumber('HRB'), `Kappa ${newId().slice(-6)} AG`);
    const change = await storedApplication(master.accountId, 'enterprise-entity', newFirm);
    await approve(change.applicationId);
    expect((await realNameState(master.accountId)).current?.applicationId).toBe(change.applicationId);

    await runScheduler();
    const memberAuth = (await realNameState(member.accountId)).current;
    // The member may follow the master's authentication in force, or stay as it was — never the replaced one.
    expect(memberAuth?.applicationId, JSON.stringify(memberAuth)).not.toBe(first.applicationId);
  });
});
