import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setClockOffset } from '../../../lib/clock.js';
import { useNotifier } from '../../../lib/notify/notifier.js';
import { SnsNotifier } from '../../../lib/notify/sns-notifier.js';
import { runScheduler } from '../../../lib/scheduler/run.js';
import { activeAccount, close, runCheck } from '../../support/closure.js';

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
    sns.on(PublishCommand).rejectsOnce(Object.assign(new Error('SNS is down'), { name: 'InternalErrorException' })).resolves({ MessageId: 'sns-1' });

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
