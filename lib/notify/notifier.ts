/**
 * The Notifier port: how codes and notices leave the system. Two adapters: SNS (deployed) and the
 * local recorder (local stage, read back through GET /local/messages). Chosen in one place: here.
 */
import { config } from '../config.js';

export type Channel = 'sms' | 'email';

export interface Message {
  /** Stable ID: a retried publish carries the same one. */
  messageId: string;
  channel: Channel;
  /** E.164 phone number for SMS, address for email. */
  to: string;
  /** What the message is about, e.g. "verification-code", "closure-check-failed". */
  kind: string;
  language: string;
  subject?: string;
  body: string;
}

export interface Notifier {
  send(message: Message): Promise<void>;
}

let chosen: Notifier | undefined;

export async function notifier(): Promise<Notifier> {
  if (!chosen) {
    chosen =
      config.notifier === 'sns'
        ? new (await import('./sns-notifier.js')).SnsNotifier()
        : new (await import('../local/recording-notifier.js')).RecordingNotifier();
  }
  return chosen;
}

/** Tests swap the adapter (e.g. the SNS adapter against aws-sdk-client-mock). */
export function useNotifier(n: Notifier | undefined): void {
  chosen = n;
}
