/**
 * R-PR-03: every notice of a subscribed message type also goes to the account's recipients, never a
 * verification code. A notice kind maps to one message type; a recipient who subscribed to it gets
 * the notice by email and/or SMS (whichever contacts it has), in the account's language and time zone.
 * Everything leaves through the outbox (lib/core/notify/outbox.ts), so no notice is lost.
 */
import { type NoticeTarget, messageFor } from '../core/notify/notice.js';
import type { Message } from '../core/notify/notifier.js';
import { type OutboxEntry, outboxEntry, publishNow } from '../core/notify/outbox.js';
import { transact } from '../core/store/writes.js';
import type { MESSAGE_TYPES } from './routes.js';
import { subscribedContacts } from './store.js';

export type MessageType = (typeof MESSAGE_TYPES)[number];

/** The message type of each notice kind; kinds not listed (verification codes above all) reach no recipient. */
export const NOTICE_MESSAGE_TYPE: Readonly<Record<string, MessageType>> = {
  'closure-check-failed': 'closure',
  'closure-check-passed': 'closure',
  'services-closed': 'closure',
  'closure-actions-allowed': 'closure',
  'services-restored': 'closure',
  'services-disabled': 'closure',
  'contact-changed': 'security',
  'account-locked': 'security',
  'huawei-id-deleted': 'account',
};

/** Whose language and time zone the recipients' copies use: the account's. */
interface Reader {
  accountId: string;
  preferences?: { messageLanguage: string; timeZone?: string };
}

/** The recipients of `accountId` subscribed to `kind`, as notice targets (one per contact). */
export async function recipientTargets(account: Reader, kind: string): Promise<NoticeTarget[]> {
  const type = NOTICE_MESSAGE_TYPE[kind];
  if (!type || kind === 'verification-code') return [];
  const items = await subscribedContacts(account.accountId);
  const language = account.preferences?.messageLanguage ?? 'en';
  const timeZone = account.preferences?.timeZone;
  return items
    .filter((r) => Array.isArray(r.messageTypes) && r.messageTypes.includes(type))
    .flatMap((r) => [
      ...(r.email ? [{ channel: 'email' as const, to: String(r.email), language, ...(timeZone ? { timeZone } : {}) }] : []),
      ...(r.mobile ? [{ channel: 'sms' as const, to: String(r.mobile), language, ...(timeZone ? { timeZone } : {}) }] : []),
    ]);
}

/** The notice to the account's own contact plus a copy to each subscribed recipient. */
export async function noticeMessages(
  account: Reader,
  primary: NoticeTarget,
  kind: string,
  vars: Record<string, string | number>,
): Promise<Message[]> {
  const targets = [primary, ...(await recipientTargets(account, kind))];
  const seen = new Set<string>();
  return targets.filter((t) => !seen.has(`${t.channel}:${t.to}`) && seen.add(`${t.channel}:${t.to}`)).map((t) => messageFor(t, kind, vars));
}

/** Outbox entries for a notice and its recipients' copies: put `write`s in the transaction of the change. */
export async function noticeEntries(
  account: Reader,
  primary: NoticeTarget,
  kind: string,
  vars: Record<string, string | number>,
): Promise<OutboxEntry[]> {
  return (await noticeMessages(account, primary, kind, vars)).map(outboxEntry);
}

/** For notices not tied to one write: queue them in the outbox, then publish at once. */
export async function sendAccountNotice(
  account: Reader,
  primary: NoticeTarget,
  kind: string,
  vars: Record<string, string | number>,
): Promise<void> {
  const entries = await noticeEntries(account, primary, kind, vars);
  await transact(entries.map((e) => e.write));
  await publishNow(entries.map((e) => e.pending));
}
