import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { config } from '../config.js';
import { countSdkCalls } from '../sdk-calls.js';
import type { Message, Notifier } from './notifier.js';

let client: SNSClient | undefined;

export function snsClient(): SNSClient {
  if (!client) {
    // retryMode pinned (issue 10, bundle budget): deployed bundles stub the adaptive strategy (esbuild.config.cjs).
    client = new SNSClient({
      region: config.region,
      retryMode: 'standard',
      ...(config.snsEndpoint ? { endpoint: config.snsEndpoint } : {}),
    });
    countSdkCalls(client);
  }
  return client;
}

const attr = (value: string) => ({ DataType: 'String', StringValue: value });

/** SMS straight to the phone number; email through the notices topic, addressed by message attributes. */
export class SnsNotifier implements Notifier {
  async send(message: Message): Promise<void> {
    if (message.channel === 'sms') {
      await snsClient().send(
        new PublishCommand({
          PhoneNumber: message.to,
          Message: message.body,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': attr('Transactional'),
            messageId: attr(message.messageId),
          },
        }),
      );
      return;
    }
    await snsClient().send(
      new PublishCommand({
        TopicArn: config.noticesTopicArn,
        Subject: message.subject,
        Message: message.body,
        MessageAttributes: {
          channel: attr('email'),
          kind: attr(message.kind),
          to: attr(message.to),
          language: attr(message.language),
          messageId: attr(message.messageId),
        },
      }),
    );
  }
}
