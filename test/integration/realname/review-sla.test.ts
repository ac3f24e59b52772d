/**
 * Issue 13 item 8 (R-RN-03): the review SLA as data. The scheduler marks an application still pending at its
 * `reviewDueBy` overdue (application, pending row, overdue row), tells the operators' channel once, and leaves alone
 * what is not due yet and what was decided meanwhile. The use cases are called directly with the test clock moved
 * (uploads first: S3 requests are signed with the clock; sessions would not survive the jump). This file moves the
 * test clock and changes realNameConfig (restored after each test); its table is its own.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduler } from '../../../lib/app/scheduler.js';
import type { AccountCaller } from '../../../lib/core/caller.js';
import { nowMs, setClockOffset } from '../../../lib/core/clock.js';
import { realNameConfig } from '../../../lib/core/config.js';
import * as keys from '../../../lib/core/store/key-builders.js';
import { TABLE, db } from '../../../lib/core/store/table.js';
import { listRecordedMessages } from '../../../lib/local/recording-notifier.js';
import { getRealName } from '../../../lib/realname/getRealName.js';
import { loadApplication, queueRowKeys } from '../../../lib/realname/store.js';
import { type SubmitInput, submitRealNameApplication } from '../../../lib/realname/submitRealNameApplication.js';
import { activeAccount } from '../../support/closure.js';
import { individualApplication, materialsFor, realName } from '../../support/realname.js';
import { wholeQueue } from '../../support/realname-ops.js';

const config = realNameConfig as { holidays: readonly string[]; reviewWorkingDays: number };
const before = { holidays: config.holidays, reviewWorkingDays: config.reviewWorkingDays };
afterEach(() => {
  setClockOffset(0);
  Object.assign(config, before);
});

const caller = (accountId: string): AccountCaller => ({
  kind: 'account',
  accountId,
  sessionKey: 'test',
  status: 'active',
  origin: { requestId: 'test', sourceIp: '198.51.100.1', userAgent: 'vitest' },
});
const at = (iso: string) => {
  setClockOffset(0);
  setClockOffset(Date.parse(iso) - nowMs());
};
const get = async (key: { pk: string; sk: string }) =>
  (await db().send(new GetCommand({ TableName: TABLE(), Key: key, ConsistentRead: true }))).Item;

/** An account with the materials of an individual application uploaded (at the real time). */
async function readyApplicant() {
  const account = await activeAccount();
  const body = individualApplication({ materials: await materialsFor(account, 'individual') }) as SubmitInput;
  return { account, body };
}

const overdueNotices = async (applicationId?: string) =>
  (await listRecordedMessages(realNameConfig.operatorsEmail, 100)).filter(
    (m) => m.kind === 'realname-review-overdue' && (!applicationId || m.body.includes(applicationId)),
  );

describe('R-RN-03: the review SLA as data (issue 13 item 8)', () => {
  it('R-RN-03: submitted on a Friday before a holiday Monday, the review is overdue after the third working day: the scheduler marks it, the queue shows it first, the operators are told once', async () => {
    // Easter Monday 29 Mar 2027 as a holiday.
    config.holidays = [...before.holidays, '2027-03-29'];
    const [early, late, fresh] = [await readyApplicant(), await readyApplicant(), await readyApplicant()];
    // An older application with a longer SLA (not overdue when the Friday one is): the overdue-first order shows.
    config.reviewWorkingDays = 10;
    at('2027-03-25T09:00:00.000Z');
    const older = await submitRealNameApplication(caller(early.account.accountId), early.body);
    config.reviewWorkingDays = before.reviewWorkingDays;
    // Friday 26 Mar 10:00; Mon 29 is a holiday: Tue 30, Wed 31, Thu 1 Apr → due Thu 1 Apr 10:00.
    at('2027-03-26T10:00:00.000Z');
    const friday = await submitRealNameApplication(caller(late.account.accountId), late.body);
    expect(friday.reviewDueBy.slice(0, 16)).toBe('2027-04-01T10:00');
    // Wednesday 31 Mar 10:00 → due Mon 5 Apr: not yet due when the Friday one is.
    at('2027-03-31T10:00:00.000Z');
    const notDue = await submitRealNameApplication(caller(fresh.account.accountId), fresh.body);

    // One minute before the due time: nothing happens.
    at('2027-04-01T09:59:00.000Z');
    await runScheduler();
    expect((await loadApplication(friday.applicationId))!.overdue).toBeUndefined();
    expect(await overdueNotices(friday.applicationId)).toHaveLength(0);

    at('2027-04-01T10:01:00.000Z');
    await runScheduler();
    const app = (await loadApplication(friday.applicationId))!;
    expect(app).toMatchObject({ status: 'pending', overdue: true });
    const rows = queueRowKeys(app);
    expect(await get(rows.overdue)).toMatchObject({ applicationId: app.applicationId, reviewDueBy: app.reviewDueBy, overdue: true });
    expect(await get(rows.pending)).toMatchObject({ applicationId: app.applicationId, overdue: true });
    expect(await get(rows.due)).toBeUndefined();
    expect((await getRealName(caller(late.account.accountId))).pendingApplication).toMatchObject({
      applicationId: friday.applicationId,
      overdue: true,
    });
    // The operators' channel is told, with the application, its kind and due date only.
    const notices = await overdueNotices(friday.applicationId);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'email', to: realNameConfig.operatorsEmail });
    expect(notices[0]!.body).toContain('individual');
    expect(notices[0]!.body).toContain('2027-04-01 10:00');
    for (const personal of [
      late.account.accountId,
      late.account.email,
      'Li Lei',
      String((late.body as { certificateNumber?: string }).certificateNumber),
    ]) {
      expect(JSON.stringify(notices[0])).not.toContain(personal);
    }
    // Not yet due: untouched, timer still there.
    const untouched = (await loadApplication(notDue.applicationId))!;
    expect(untouched.overdue).toBeUndefined();
    expect(await get(queueRowKeys(untouched).due)).toMatchObject({ dueKind: 'realname-review-due' });
    expect(await get(queueRowKeys(untouched).overdue)).toBeUndefined();
    expect((await loadApplication(older.applicationId))!.overdue).toBeUndefined();

    // A second run (also after the lease time) sends nothing twice.
    await runScheduler();
    at('2027-04-01T11:00:00.000Z');
    await runScheduler();
    expect(await overdueNotices(friday.applicationId)).toHaveLength(1);

    // Over HTTP at the real time: the applicant sees it overdue; the operators' lists show it.
    setClockOffset(0);
    expect((await realName(late.account)).body.pendingApplication).toMatchObject({ applicationId: friday.applicationId, overdue: true });
    const ids = (items: Array<Record<string, any>>) =>
      items.map((i) => i.applicationId).filter((id) => [older, friday, notDue].some((a) => a.applicationId === id));
    const overdueOnly = await wholeQueue({ status: 'overdue' }, 1);
    expect(ids(overdueOnly)).toEqual([friday.applicationId]);
    expect(overdueOnly.find((i) => i.applicationId === friday.applicationId)).toEqual({
      applicationId: friday.applicationId,
      accountId: late.account.accountId,
      kind: 'individual',
      submittedAt: app.submittedAt,
      reviewDueBy: app.reviewDueBy,
      overdue: true,
    });
    expect(ids(await wholeQueue({ status: 'pending' }, 1))).toEqual([older.applicationId, friday.applicationId, notDue.applicationId]);
    // Overdue first, then the other pending ones (each once), across pages of every size. Listed at a time after the
    // marking (an overdue-first walk tells rows marked before it started from rows marked during it by `overdueAt`;
    // the test clock going back to the real time would make the marking look later than the walk).
    at('2027-04-01T11:30:00.000Z');
    for (const limit of [1, 2, 3, 50]) {
      const list = await wholeQueue({ status: 'pending', overdueFirst: 'true' }, limit);
      expect(ids(list), `limit ${limit}`).toEqual([friday.applicationId, older.applicationId, notDue.applicationId]);
      expect(new Set(list.map((i) => i.applicationId)).size).toBe(list.length);
      const firstNotOverdue = list.findIndex((i) => !i.overdue);
      expect(list.slice(firstNotOverdue === -1 ? list.length : firstNotOverdue).every((i) => !i.overdue)).toBe(true);
    }
  });

  it('R-RN-03: an application decided before its due time only loses its timer: not marked, no notice', async () => {
    const { account, body } = await readyApplicant();
    at('2027-05-03T10:00:00.000Z');
    const submitted = await submitRealNameApplication(caller(account.accountId), body);
    // The decision is another item's (decideRealNameApplication); its effect on the application is written here.
    await db().send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: keys.realNameApplication(submitted.applicationId),
        UpdateExpression: 'SET #s = :approved',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':approved': 'approved' },
      }),
    );
    at('2027-05-10T10:00:00.000Z');
    await runScheduler();
    const app = (await loadApplication(submitted.applicationId))!;
    expect(app.overdue).toBeUndefined();
    expect(await get(queueRowKeys(app).due)).toBeUndefined();
    expect(await get(queueRowKeys(app).overdue)).toBeUndefined();
    expect(await overdueNotices(submitted.applicationId)).toHaveLength(0);
  });
});
