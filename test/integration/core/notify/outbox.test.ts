import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { epochSeconds, setClockOffset } from '../../../../lib/core/clock.js';
import { outboxConfig } from '../../../../lib/core/config.js';
import { logger } from '../../../../lib/core/logger.js';
import { TABLE, db } from '../../../../lib/core/store/table.js';
import { useNotifier } from '../../../../lib/core/notify/notifier.js';
import { abandonedRecipient, backoffSeconds } from '../../../../lib/core/notify/outbox.js';
import { SnsNotifier } from '../../../../lib/core/notify/sns-notifier.js';
import { runScheduler } from '../../../../lib/app/scheduler.js';
import { activeAccount, close, runCheck } from '../../../support/closure.js';

const sns = mockClient(SNSClient);
afterEach(() => setClockOffset(0));
afterAll(() => useNotifier(undefined));

const closedNotices = () =>
  sns.commandCalls(PublishCommand).filter((c) => c.args[0].input.MessageAttributes?.kind?.StringValue === 'services-closed');

describe('outbox', () => {
  it('R-CL-06 a notice SNS refused during close arrives on the next scheduler run, once, with the same message ID', async () => {
    const account = await activeAccount();
    const check = await runCheck(account);
    useNotifier(new SnsNotifier());
    sns.reset();
    sns
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('SNS is down'), { name: 'InternalErrorException' }))
      .resolves({ MessageId: 'sns-1' });

    const res = await close(account.token, check.body.checkId);
    expect(res.status).toBe(200); // the closure does not depend on SNS
    expect(closedNotices()).toHaveLength(1);

    setClockOffset(10 * 60_000); // past the retry back-off
    await runScheduler();
    const sent = closedNotices();
    expect(sent).toHaveLength(2);
    const id = (i: number) => sent[i]!.args[0].input.MessageAttributes?.messageId?.StringValue;
    expect(id(1)).toBe(id(0));
    expect(sent[1]!.args[0].input.MessageAttributes?.to?.StringValue).toBe(account.email);

    setClockOffset(60 * 60_000);
    await runScheduler();
    expect(closedNotices()).toHaveLength(2);
  });
});

const outboxItems = async (kind: string) => {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const out = await db().send(
    new ScanCommand({
      TableName: TABLE(),
      FilterExpression: 'begins_with(pk, :p)',
      ExpressionAttributeValues: { ':p': 'OUTBOX#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).filter((i) => i.message?.kind === kind);
};

/**
 * issue 9 item 13: an abandoned notice keeps what an operator needs (kind, channel, IDs, lastError) but not
 * its content: no body, the recipient only as a keyed hash, and a long retention TTL from config.
 */
function expectAbandonedContentDropped(item: Record<string, any>, recipient: string) {
  expect(item.message).not.toHaveProperty('body');
  expect(item.message).not.toHaveProperty('subject');
  expect(item.message.to).toBe(abandonedRecipient(recipient));
  expect(JSON.stringify(item)).not.toContain(recipient);
  expect(item.message).toMatchObject({ messageId: expect.any(String), kind: 'services-closed', channel: 'email' });
  const retention = outboxConfig.abandonedRetentionSeconds;
  expect(retention).toBeGreaterThanOrEqual(30 * 86_400);
  expect(item.ttl).toBeGreaterThanOrEqual(epochSeconds() + retention - 60);
  expect(item.ttl).toBeLessThanOrEqual(epochSeconds() + retention + 60);
}

describe('outbox: nothing vanishes silently (issue 9 item 13)', () => {
  beforeEach(() => useNotifier(undefined));

  it.each([['InvalidParameterException'], ['InvalidParameterValueException'], ['EndpointDisabledException'], ['OptedOutException']])(
    'issue 9 item 13: an SNS error tied to this message (%s) abandons the notice at once, outside the due index, with an alarmable log line and without its content',
    async (errorName) => {
      const account = await activeAccount();
      const check = await runCheck(account);
      useNotifier(new SnsNotifier());
      sns.reset();
      sns.on(PublishCommand).rejects(Object.assign(new Error('refused'), { name: errorName }));
      const logged = vi.spyOn(logger, 'error');

      expect((await close(account.token, check.body.checkId)).status).toBe(200);
      expect(closedNotices()).toHaveLength(1);
      const [item] = (await outboxItems('services-closed')).filter((i) => i.message.to === abandonedRecipient(account.email));
      expect(item).toMatchObject({ outboxState: 'abandoned', attempts: 1, lastError: errorName, abandonedAt: expect.any(String) });
      for (const gone of ['duePk', 'dueSk']) expect(item).not.toHaveProperty(gone);
      expectAbandonedContentDropped(item!, account.email);
      const line = logged.mock.calls.find((c) => c[0] === 'notice abandoned');
      expect(line?.[1]).toMatchObject({
        metric: 'OutboxAbandoned',
        OutboxAbandoned: 1,
        reason: 'permanent-error',
        error: errorName,
        messageId: item!.message.messageId,
      });
      expect(JSON.stringify(line)).not.toContain(account.email);

      setClockOffset(2 * 86_400_000);
      await runScheduler();
      expect(closedNotices()).toHaveLength(1);
      logged.mockRestore();
    },
  );

  it('issue 9 item 13: a transient SNS error is retried with growing back-off and no TTL, then abandoned after the configured attempts', async () => {
    const account = await activeAccount();
    const check = await runCheck(account);
    useNotifier(new SnsNotifier());
    sns.reset();
    sns.on(PublishCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottledException' }));
    const logged = vi.spyOn(logger, 'error');

    expect((await close(account.token, check.body.checkId)).status).toBe(200);
    const { messageId } = (await outboxItems('services-closed')).find((i) => i.message.to === account.email)!.message;
    const mine = async () => (await outboxItems('services-closed')).find((i) => i.message.messageId === messageId)!;
    let offset = 0;
    let previousDue = '';
    for (let attempt = 1; attempt < outboxConfig.maxAttempts; attempt += 1) {
      const item = await mine();
      expect(item.attempts).toBe(attempt);
      expect(item).not.toHaveProperty('ttl');
      expect(item.outboxState).toBeUndefined();
      expect(typeof item.duePk).toBe('string');
      const dueAt = String(item.dueSk).split('#')[0]!;
      if (previousDue) {
        // Exponential back-off, capped: the wait after attempt n is backoffSeconds(n) (plus the run's own second).
        const gap = Date.parse(dueAt) - Date.parse(previousDue);
        expect(gap).toBeGreaterThanOrEqual(backoffSeconds(attempt) * 1000);
        expect(gap).toBeLessThan(backoffSeconds(attempt) * 1000 + 5000);
      }
      previousDue = dueAt;
      offset = Date.parse(dueAt) - Date.now() + 1000;
      setClockOffset(offset);
      await runScheduler();
    }
    expect(closedNotices()).toHaveLength(outboxConfig.maxAttempts);
    const last = await mine();
    expect(last).toMatchObject({ outboxState: 'abandoned', attempts: outboxConfig.maxAttempts, lastError: 'ThrottledException' });
    for (const gone of ['duePk', 'dueSk']) expect(last).not.toHaveProperty(gone);
    expectAbandonedContentDropped(last, account.email);
    expect(logged.mock.calls.find((c) => c[0] === 'notice abandoned')?.[1]).toMatchObject({
      metric: 'OutboxAbandoned',
      reason: 'attempts-exhausted',
    });

    setClockOffset(offset + 7 * 86_400_000);
    await runScheduler();
    expect(closedNotices()).toHaveLength(outboxConfig.maxAttempts);
    logged.mockRestore();
  });

  it.each([
    ['AuthorizationErrorException'],
    ['NotFoundException'],
    ['InvalidSecurityException'],
    ['KMSAccessDeniedException'],
    ['KMSDisabledException'],
  ])(
    'issue 9 item 13: a stack-wide SNS error (%s: role, topic or key misconfigured) is retried with back-off, not abandoned, and alarms at once',
    async (errorName) => {
      const account = await activeAccount();
      const check = await runCheck(account);
      useNotifier(new SnsNotifier());
      sns.reset();
      sns
        .on(PublishCommand)
        .rejectsOnce(Object.assign(new Error('misconfigured'), { name: errorName }))
        .resolves({ MessageId: 'sns-1' });
      const logged = vi.spyOn(logger, 'error');

      expect((await close(account.token, check.body.checkId)).status).toBe(200);
      const [item] = (await outboxItems('services-closed')).filter((i) => i.message.to === account.email);
      expect(item).toMatchObject({ attempts: 1, duePk: expect.any(String), dueSk: expect.any(String) });
      expect(item!.outboxState).toBeUndefined();
      expect(logged.mock.calls.find((c) => c[0] === 'notice abandoned')).toBeUndefined();
      const line = logged.mock.calls.find((c) => c[0] === 'notice publish failing');
      expect(line?.[1]).toMatchObject({
        metric: 'OutboxPublishFailing',
        OutboxPublishFailing: 1,
        error: errorName,
        messageId: item!.message.messageId,
        attempts: 1,
      });
      expect(JSON.stringify(line)).not.toContain(account.email);

      // The misconfiguration is fixed: the next run after the back-off delivers the notice.
      setClockOffset((backoffSeconds(1) + 5) * 1000);
      await runScheduler();
      expect(closedNotices()).toHaveLength(2);
      expect((await outboxItems('services-closed')).filter((i) => i.message.messageId === item!.message.messageId)).toEqual([]);
      logged.mockRestore();
    },
  );
});
