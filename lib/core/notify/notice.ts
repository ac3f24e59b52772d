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
  /** IANA zone the reader lives in (R-PR-01); times in the text are shown in it. */
  timeZone?: string;
}

/** `2026-11-23 19:45 GMT+8`: an ISO time as the reader's wall clock. */
export function localTime(iso: string, timeZone = 'UTC'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function messageFor(target: NoticeTarget, kind: string, vars: Record<string, string | number>, template = kind): Message {
  const shown = Object.fromEntries(
    Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' && ISO.test(v) ? localTime(v, target.timeZone) : v]),
  );
  const text = render(template, target.language, shown);
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
