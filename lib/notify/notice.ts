/**
 * Notices to an account's contacts, in the account's message language. `messageFor` builds the message
 * (pure); `sendNotice` delivers it at once. Notices that must never be lost go through the outbox.
 */
import { newId } from '../crypto.js';
import { type Channel, type Message, notifier } from './notifier.js';
import { render } from './templates.js';

export interface NoticeTarget {
  channel: Channel;
  to: string;
  language: string;
}

export function messageFor(target: NoticeTarget, kind: string, vars: Record<string, string | number>, template = kind): Message {
  const text = render(template, target.language, vars);
  return {
    messageId: newId('msg_'),
    channel: target.channel,
    to: target.to,
    kind,
    language: target.language,
    ...(target.channel === 'email' ? { subject: text.subject } : {}),
    body: target.channel === 'email' ? text.body : `${text.subject}: ${text.body}`,
  };
}

export async function sendNotice(target: NoticeTarget, kind: string, vars: Record<string, string | number>): Promise<void> {
  await (await notifier()).send(messageFor(target, kind, vars));
}
