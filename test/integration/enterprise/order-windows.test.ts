/**
 * Issue 12 route 13 (R-MM-05): the windows in which an account was this master's member, so orders placed while
 * associated stay visible to the master after disassociation. The former windows are the rows the disassociation
 * transaction writes (the enterprise store's memberEndWrites: this is their contract with this view).
 */
import { describe, expect, it } from 'vitest';
import { listFormerWindows } from '../../../lib/enterprise/store.js';
import { activeAccount } from '../../support/closure.js';
import { acceptedMember, enabledMaster } from '../../support/enterprise.js';
import { endAssociation, orderWindows } from '../../support/enterprise-views.js';

describe('getMemberOrderWindows (issue 12 route 13)', () => {
  it('R-MM-05: the current association is an open window; after disassociation it is closed and kept; a new one opens again', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { accountingMode: 'unified' });
    const open = await orderWindows(master, member.accountId);
    expect(open.status, JSON.stringify(open.body)).toBe(200);
    expect(open.body).toEqual({ memberAccountId: member.accountId, windows: [{ from: expect.any(String), accountingMode: 'unified' }] });
    const first = await endAssociation(master.accountId, member.accountId);
    expect(await listFormerWindows(master.accountId, member.accountId)).toEqual([
      { memberAccountId: member.accountId, accountingMode: 'unified', from: first.from, to: first.to },
    ]);
    expect((await orderWindows(master, member.accountId)).body.windows).toEqual([
      { from: first.from, to: first.to, accountingMode: 'unified' },
    ]);
    await acceptedMember(master, { account: member, accountingMode: 'independent' });
    const again = await orderWindows(master, member.accountId);
    expect(again.body.windows).toEqual([
      { from: first.from, to: first.to, accountingMode: 'unified' },
      { from: expect.any(String), accountingMode: 'independent' },
    ]);
    expect(again.body.windows[1].from >= first.to).toBe(true);
  });

  it('R-MM-05: an account that never was this master’s member is not found (404), also another master’s member', async () => {
    const master = await enabledMaster();
    const other = await enabledMaster();
    const { member: theirs } = await acceptedMember(other);
    const stranger = await activeAccount();
    for (const id of [stranger.accountId, theirs.accountId, 'acc_doesnotexist']) {
      const res = await orderWindows(master, id);
      expect(res.status, id).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    // A former member of another master is not this master's either.
    await endAssociation(other.accountId, theirs.accountId);
    expect((await orderWindows(master, theirs.accountId)).status).toBe(404);
    expect((await orderWindows(other, theirs.accountId)).status).toBe(200);
  });

  it('R-MM-05: a non-master is refused (403), also the member asking about itself', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    expect((await orderWindows(member, member.accountId)).status).toBe(403);
  });
});
