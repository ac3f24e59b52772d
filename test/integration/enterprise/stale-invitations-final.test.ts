/**
 * Issue 12, final review: an invitation whose master is no longer open can still be ended by the invitee, without
 * telling the closed master; a stale invitation holds no slot of the master's cap wherever it is in its list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setClockOffset } from '../../../lib/core/clock.js';
import { enterpriseConfig } from '../../../lib/core/config.js';
import { loadHandshake } from '../../../lib/core/handshake/store.js';
import { loadProfile } from '../../../lib/enterprise/store.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { activeAccount, closeAccount, disable } from '../../support/closure.js';
import { freshToken } from '../../support/disassociation.js';
import { cancelInvitation, decide, enabledMaster, invite } from '../../support/enterprise.js';

const HOUR = 3_600_000;
type Limits = { maxOpenInvitations: number };
const before: Limits = { maxOpenInvitations: enterpriseConfig.maxOpenInvitations };
const setLimits = (l: Partial<Limits>) => Object.assign(enterpriseConfig as Limits, l);
afterEach(() => {
  setClockOffset(0);
  setLimits(before);
});

describe('the invitee decides an invitation of a master no longer open (issue 12 final review)', () => {
  it('R-MM-07: rejecting an invitation of a CLOSED master tells the closed master nothing as every other end of an invitation', async () => {
    const master = await enabledMaster();
    const invitee = await activeAccount();
    const inv = await invite(master, invitee);
    expect(inv.status).toBe(201);
    await closeAccount(master);
    const beforeCount = (await listRecordedMessages(master.email)).filter((m) => m.kind === 'enterprise-invitation-result').length;
    const rejected = await decide(invitee, inv.body.invitationId as string, { accept: false });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const after = (await listRecordedMessages(master.email)).filter((m) => m.kind === 'enterprise-invitation-result').length;
    expect(after, 'a closed master was sent enterprise-invitation-result').toBe(beforeCount);
  });

  it('R-MM-07: the invitee can reject (end) an invitation of a DISABLED master (its Enterprise Center is gone: the slot is not given back, the invitation ends)', async () => {
    const master = await enabledMaster();
    const invitee = await activeAccount();
    const inv = await invite(master, invitee);
    expect(inv.status).toBe(201);
    await closeAccount(master);
    setClockOffset(25 * HOUR);
    await freshToken(master);
    await freshToken(invitee);
    const disabled = await disable(master);
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect(await loadProfile(master.accountId)).toBeUndefined();
    const rejected = await decide(invitee, inv.body.invitationId as string, { accept: false });
    const state = (await loadHandshake(inv.body.invitationId as string))!.state;
    expect({ status: rejected.status, state }, JSON.stringify(rejected.body)).toEqual({ status: 200, state: 'rejected' });
  });
});

describe('a stale invitation holds no slot, also when it is not among the newest invitations (issue 12 final review)', () => {
  it('R-MM-07: at the cap, a stale pending invitation older than the newest maxOpenInvitations invitations is still ended (201), not refused open-invitations', async () => {
    setLimits({ maxOpenInvitations: 2 });
    const master = await enabledMaster();
    const gone = await activeAccount();
    const stale = await invite(master, gone);
    expect(stale.status).toBe(201);
    // Two newer invitations, canceled: they fill the sweep's window (newest `maxOpenInvitations`).
    for (let i = 0; i < 2; i += 1) {
      const other = await invite(master, await activeAccount());
      expect(other.status).toBe(201);
      expect((await cancelInvitation(master, other.body.invitationId as string)).status).toBe(200);
    }
    const pending = await invite(master, await activeAccount());
    expect(pending.status).toBe(201);
    await closeAccount(gone); // the first invitation is now stale (its invitee's account is no longer open)
    const res = await invite(master, await activeAccount());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await loadHandshake(stale.body.invitationId as string))!.state).toBe('canceled');
  });
});
