import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { useNotifier } from '../../../../lib/core/notify/notifier.js';
import { SnsNotifier } from '../../../../lib/core/notify/sns-notifier.js';
import { freshIp, requestCode, signUp, uniqueEmail, uniqueMobile } from '../../../support/identity.js';

const sns = mockClient(SNSClient);

beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});
afterAll(() => useNotifier(undefined));

describe('codes through the SNS adapter', () => {
  it('R-VC-01 an email code goes to the notices topic with channel, kind, to and language attributes', async () => {
    useNotifier(new SnsNotifier());
    const email = uniqueEmail();
    const res = await requestCode({ purpose: 'signup', channel: 'email', destination: email }, { sourceIp: freshIp() });
    expect(res.status).toBe(202);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.TopicArn).toBe(process.env.NOTICES_TOPIC_ARN);
    expect(input.PhoneNumber).toBeUndefined();
    expect(input.MessageAttributes).toMatchObject({
      channel: { DataType: 'String', StringValue: 'email' },
      kind: { DataType: 'String', StringValue: 'verification-code' },
      to: { DataType: 'String', StringValue: email },
      language: { DataType: 'String', StringValue: 'en' },
    });
    expect(input.Message).toMatch(/\b\d{6}\b/);
  });

  it('R-VC-01 R-PR-01 an SMS code goes to the E.164 number as a transactional SMS, in the account language', async () => {
    useNotifier(undefined);
    const { token } = await signUp();
    useNotifier(new SnsNotifier());
    const mobile = uniqueMobile();
    const res = await requestCode({ purpose: 'security-phone', channel: 'sms', destination: mobile.replace('+49', '+49 ') }, { token });
    expect(res.status).toBe(202);
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.PhoneNumber).toBe(mobile);
    expect(input.PhoneNumber).toMatch(/^\+[1-9]\d{7,14}$/);
    expect(input.TopicArn).toBeUndefined();
    expect(input.MessageAttributes?.['AWS.SNS.SMS.SMSType']).toEqual({ DataType: 'String', StringValue: 'Transactional' });
  });

  it('R-PR-01 a Chinese-speaking caller gets the Chinese template', async () => {
    useNotifier(new SnsNotifier());
    const { invoke } = await import('../../../support/http.js');
    const { handler } = await import('../../../../functions/verification/sendVerificationCode.js');
    const email = uniqueEmail();
    await invoke(handler, {
      method: 'POST',
      path: '/v1/verification-codes',
      body: { purpose: 'signup', channel: 'email', destination: email },
      headers: { 'accept-language': 'zh-CN' },
      sourceIp: freshIp(),
    });
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.Message).toContain('验证码');
    expect(input.MessageAttributes?.language?.StringValue).toBe('zh');
  });
});
