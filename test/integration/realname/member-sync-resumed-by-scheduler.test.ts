/**
 * R-RN-07 (issue 13 review R2 item 9): the master→member synchronization survives the function dying after the
 * master's decision committed. The decision transaction puts a due row (kind `realname-member-sync`, due now) for
 * the approved application; the sync right after the commit deletes it when every member is done; a row left behind
 * is run by the scheduler, which synchronizes the members (idempotent: a member already synchronized from that
 * application is skipped).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import type { DueItem } from '../../../lib/core/store/due-queue.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { newId } from '../../../lib/core/crypto.js';
import * as memberSync from '../../../lib/realname/member-sync.js';
import { processMemberSyncDue } from '../../../lib/realname/member-sync-due.js';
import { realNameState } from '../../../lib/realname/store.js';
import { activeAccount } from '../../support/closure.js';
import { acceptedMember, enabledMaster, setAccountType } from '../../support/enterprise.js';
import { tracesOf } from '../../support/partners.js';
import { approve, decideApplication, firmDetails, storedApplication, uniqueNumber } from '../../support/realname.js';

const get = async (key: { pk: string; sk: string }) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item;

async function memberOf(master: { token: string }, name: string) {
  const account = await activeAccount();
  expect((await setAccountType(account, 'enterprise', name)).status).toBe(200);
  return (await acceptedMember(master, { account })).member;
}

const syncTraces = async (accountId: string) =>
  (await tracesOf(accountId)).filter((t) => t.changes?.some((ch: { field: string }) => ch.field === 'realNameSynchronizedFrom'));

describe('R-RN-07: the member synchronization is durable (issue 13 review R2 item 9)', () => {
  it('R-RN-07: when the sync after the decision fails, its due row stays and the scheduler synchronizes the members once', async () => {
    const name = `Eta ${newId().slice(-6)} GmbH`;
    const master = await enabledMaster({ enterpriseName: name });
    const member = await memberOf(master, name);
    const firm = firmDetails(uniqueNumber('HRB'), name);
    const app = await storedApplication(master.accountId, 'enterprise', firm);

    const died = vi.spyOn(memberSync, 'synchronizeMembers').mockRejectedValueOnce(new Error('the function died'));
    const decided = await decideApplication(app.applicationId, { approve: true });
    died.mockRestore();
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect((await realNameState(master.accountId)).current?.applicationId).toBe(app.applicationId);
    expect((await realNameState(member.accountId)).current).toBeUndefined();
    const due = await get(keys.realNameMemberSyncDue(app.applicationId));
    expect(due).toMatchObject({ dueKind: 'realname-member-sync', applicationId: app.applicationId, accountId: master.accountId });

    await runScheduler();
    expect((await realNameState(member.accountId)).current).toMatchObject({
      applicationId: app.applicationId,
      details: firm,
      syncedFromAccountId: master.accountId,
    });
    expect(await get(keys.realNameMemberSyncDue(app.applicationId))).toBeUndefined();

    // Run again (a row processed twice, e.g. after a lease ran out): the member is skipped, nothing written twice.
    await processMemberSyncDue(due as DueItem);
    expect(await syncTraces(member.accountId)).toHaveLength(1);
  });

  it('R-RN-07: a sync that completes right after the decision leaves no due row behind', async () => {
    const name = `Theta ${newId().slice(-6)} GmbH`;
    const master = await enabledMaster({ enterpriseName: name });
    const member = await memberOf(master, name);
    const app = await storedApplication(master.accountId, 'enterprise', firmDetails(uniqueNumber('HRB'), name));
    await approve(app.applicationId);
    expect((await realNameState(member.accountId)).current?.applicationId).toBe(app.applicationId);
    expect(await get(keys.realNameMemberSyncDue(app.applicationId))).toBeUndefined();
  });
});
