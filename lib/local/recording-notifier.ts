/**
 * The local message sink: records every SMS and email instead of sending it, so developers and
 * end-to-end tests can read codes at GET /local/messages. Local stage only.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { epochSeconds, nowIso } from '../core/clock.js';
import { localConfig } from '../core/config.js';
import type { Message, Notifier } from '../core/notify/notifier.js';
import * as keys from '../core/store/key-builders.js';
import { INDEX, TABLE, db } from '../core/store/table.js';

export interface RecordedMessage {
  channel: string;
  to: string;
  kind: string;
  subject?: string;
  body: string;
  sentAt: string;
  messageId: string;
}

export class RecordingNotifier implements Notifier {
  async send(message: Message): Promise<void> {
    const sentAt = nowIso();
    await db().send(
      new PutCommand({
        TableName: TABLE(),
        Item: {
          ...keys.localMessage(message.to, sentAt, message.messageId),
          gsi1pk: keys.localMessagesAll,
          gsi1sk: `${sentAt}#${message.messageId}`,
          channel: message.channel,
          to: message.to,
          kind: message.kind,
          language: message.language,
          subject: message.subject,
          body: message.body,
          sentAt,
          messageId: message.messageId,
          ttl: epochSeconds() + localConfig.messagesTtlSeconds,
        },
      }),
    );
  }
}

export async function listRecordedMessages(to: string | undefined, limit = 50): Promise<RecordedMessage[]> {
  const out = await db().send(
    new QueryCommand(
      to
        ? {
            TableName: TABLE(),
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.localMessagesPartition(to) },
            ScanIndexForward: false,
            Limit: limit,
            ConsistentRead: true,
          }
        : {
            TableName: TABLE(),
            IndexName: INDEX.general,
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.localMessagesAll },
            ScanIndexForward: false,
            Limit: limit,
          },
    ),
  );
  return (out.Items ?? []).map((i) => ({
    channel: i.channel,
    to: i.to,
    kind: i.kind,
    ...(i.subject ? { subject: i.subject } : {}),
    body: i.body,
    sentAt: i.sentAt,
    messageId: i.messageId,
  }));
}
