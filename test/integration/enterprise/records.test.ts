/**
 * Issue 12 route 14 (R-MM-01, R-MM-02): the permanent association records on the master's view and on the
 * member's own, over the real handlers on DynamoDB Local: newest first, from/to/limit/cursor, each record with event,
 * time, actor, both account IDs, mode and permissions; the member sees the master's account ID as the actor, never
 * an operator's; kept after disassociation.
 */
import { describe, expect, it } from 'vitest';
import { transact } from '../../../lib/core/store/writes.js';
import { enterpriseLogWrites } from '../../../lib/enterprise/association-log.js';
import { activeAccount } from '../../support/closure.js';
import { acceptedMember, enabledMaster } from '../../support/enterprise.js';
import { endAssociation, enterpriseRecords, masterAccountRecords, setPermissions } from '../../support/enterprise-views.js';

const eventsOf = (body: { items: Array<{ event: string }> }) => body.items.map((i) => i.event);

describe('listEnterpriseRecords and listMasterAccountRecords (issue 12 route 14)', () => {
  it('R-MM-01: both sides see the association records newest first, with actor, both IDs, mode and permissions', async () => {
    const master = await enabledMaster();
    const { member, invitationId } = await acceptedMember(master, {
      accountingMode: 'independent',
      permissions: ['view-bills'],
      grant: [],
    });
    expect((await setPermissions(member, ['view-bills'])).status).toBe(200);
    const mine = await masterAccountRecords(member);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(eventsOf(mine.body)).toEqual(['permissions-changed', 'associated', 'invitation-accepted', 'invitation-created']);
    const created = mine.body.items.at(-1);
    expect(created).toMatchObject({
      event: 'invitation-created',
      actor: `master:${master.accountId}`,
      masterAccountId: master.accountId,
      memberAccountId: member.accountId,
      accountingMode: 'independent',
      permissions: ['view-bills'],
      requestId: invitationId,
    });
    expect(mine.body.items[0]).toMatchObject({ actor: `member:${member.accountId}`, permissions: ['view-bills'] });
    const theirs = await enterpriseRecords(master);
    expect(theirs.status).toBe(200);
    expect(eventsOf(theirs.body)).toEqual([
      'permissions-changed',
      'associated',
      'invitation-accepted',
      'invitation-created',
      'enterprise-center-enabled',
    ]);
  });

  it('R-MM-01: from/to, limit and cursor page the records; another account’s cursor is refused', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master, { permissions: ['view-bills'], grant: [] });
    await setPermissions(member, ['view-bills']);
    const all = (await masterAccountRecords(member)).body.items as Array<{ event: string; time: string }>;
    const first = await masterAccountRecords(member, { limit: '2' });
    expect(eventsOf(first.body)).toEqual(all.slice(0, 2).map((i) => i.event));
    const next = await masterAccountRecords(member, { limit: '2', cursor: first.body.nextCursor });
    expect(eventsOf(next.body)).toEqual(all.slice(2, 4).map((i) => i.event));
    const oldest = all.at(-1)!.time;
    const bounded = await masterAccountRecords(member, { from: oldest, to: oldest });
    expect(bounded.body.items.every((i: { time: string }) => i.time === oldest)).toBe(true);
    expect(eventsOf(bounded.body)).toContain('invitation-created');
    expect((await masterAccountRecords(member, { from: all[0]!.time, to: oldest })).status).toBe(400);
    const stranger = await activeAccount();
    expect([400, 404]).toContain((await masterAccountRecords(stranger, { cursor: first.body.nextCursor })).status);
    expect((await masterAccountRecords(stranger)).body).toEqual({ items: [] });
  });

  it('R-MM-01: an operator’s action shows as `operator`, never which operator; the scheduler as `system`', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    const ref = { masterAccountId: master.accountId, memberAccountId: member.accountId };
    await transact([
      ...enterpriseLogWrites(ref, { event: 'disassociation-expired', actor: { kind: 'system', id: 'scheduler' } }),
      ...enterpriseLogWrites(ref, {
        event: 'disassociated',
        actor: { kind: 'operator', id: 'op-jane-doe' },
        details: { operatorId: 'op-jane-doe' },
      }),
    ]);
    for (const res of [await masterAccountRecords(member), await enterpriseRecords(master)]) {
      expect(JSON.stringify(res.body)).not.toContain('op-jane-doe');
      const byEvent = Object.fromEntries(res.body.items.map((i: { event: string; actor: string }) => [i.event, i.actor]));
      expect(byEvent).toMatchObject({ disassociated: 'operator', 'disassociation-expired': 'system' });
    }
  });

  it('R-MM-02: the records are kept after disassociation on both sides (permanent)', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    await endAssociation(master.accountId, member.accountId);
    expect(eventsOf((await masterAccountRecords(member)).body)).toEqual([
      'disassociated',
      'associated',
      'invitation-accepted',
      'invitation-created',
    ]);
    expect(eventsOf((await enterpriseRecords(master)).body)[0]).toBe('disassociated');
  });

  it('R-MM-01: the master view is for masters only (403); another master sees none of this pair', async () => {
    const master = await enabledMaster();
    const { member } = await acceptedMember(master);
    const res = await enterpriseRecords(member);
    expect(res.status).toBe(403);
    const other = await enabledMaster();
    const theirs = await enterpriseRecords(other);
    expect(JSON.stringify(theirs.body)).not.toContain(member.accountId);
    expect(JSON.stringify(theirs.body)).not.toContain(master.accountId);
  });
});
