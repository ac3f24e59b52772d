/**
 * Issue 13 item 8 (R-RN-03): the review SLA as data. Each pending application has a timer on the due index at its
 * `reviewDueBy` (kind `realname-review-due`, written with the application). When it comes due and the application
 * is still pending, one transaction marks the application `overdue` (condition: still pending, not yet overdue),
 * puts its row in the overdue queue, marks its pending queue row, removes the timer (condition: this run's lease)
 * and queues the operators' notice; the notice is published right after. A decided or withdrawn application (or
 * one already marked) only loses its timer. Registered in lib/app/scheduler.ts.
 */
import { nowIso } from '../core/clock.js';
import { publishNow } from '../core/notify/outbox.js';
import type { DueItem } from '../core/store/due-queue.js';
import { TABLE } from '../core/store/table.js';
import { ConditionFailed, type TransactItem, tagged, transact } from '../core/store/writes.js';
import type { RealNameApplication } from './model.js';
import { reviewOverdueNotice } from './review-notices.js';
import { applicationKey, loadApplication, queueRow } from './store.js';

/** Deletes the claimed timer, only while it still carries this run's lease (tag `timer`). */
function timerDelete(item: DueItem): TransactItem {
  return tagged('timer', {
    Delete: {
      TableName: TABLE(),
      Key: { pk: item.pk, sk: item.sk },
      ConditionExpression: 'dueSk = :lease',
      ExpressionAttributeValues: { ':lease': item.dueSk },
    },
  });
}

export async function processReviewDue(item: DueItem): Promise<'overdue' | 'nothing'> {
  const app = await loadApplication(item.applicationId as string);
  if (app?.status !== 'pending' || app.overdue) {
    await transact([timerDelete(item)]).catch((error) => {
      if (!(error instanceof ConditionFailed)) throw error;
    });
    return 'nothing';
  }
  const at = nowIso();
  // Both queue rows carry when they were marked (an overdue-first walk started before lists it in its second phase).
  const marked: RealNameApplication & { overdueAt: string } = { ...app, overdue: true, overdueAt: at };
  const notice = reviewOverdueNotice(app);
  try {
    await transact([
      tagged('application', {
        Update: {
          TableName: TABLE(),
          Key: applicationKey(app.applicationId),
          UpdateExpression: 'SET overdue = :true, overdueAt = :at, version = version + :one',
          ConditionExpression: '#status = :pending AND attribute_not_exists(overdue)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':true': true, ':at': at, ':one': 1, ':pending': 'pending' },
        },
      }),
      { Put: { TableName: TABLE(), Item: queueRow('overdue', marked) } },
      { Put: { TableName: TABLE(), Item: queueRow('pending', marked) } },
      timerDelete(item),
      notice.write,
    ]);
  } catch (error) {
    // Decided, withdrawn or marked meanwhile (their transactions delete the timer too): nothing to do.
    if (error instanceof ConditionFailed) return 'nothing';
    throw error;
  }
  await publishNow([notice.pending]);
  return 'overdue';
}
