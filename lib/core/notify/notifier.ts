/**
 * The Notifier port: how codes and notices leave the system. Two adapters: SNS (deployed, here) and the
 * local recorder (local stage, read back through GET /local/messages), which the composition root
 * registers (lib/app/local.ts) so that core never imports lib/local.
 */
import { config } from '../config.js';
import { SnsNotifier } from './sns-notifier.js';

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
let localAdapter: (() => Notifier) | undefined;

/** The composition root hands over the local stage's adapter (never called in deployed bundles). */
export function registerLocalNotifier(make: () => Notifier): void {
  localAdapter = make;
}

function local(): Notifier {
  if (!localAdapter) throw new Error('No local notifier is registered (import lib/app/local.ts).');
  return localAdapter();
}

// Static imports on purpose: a dynamic import makes esbuild wrap the SDK clients' whole module graphs
// (every command and schema) into the bundle, measured at +60 KB per function.
export async function notifier(): Promise<Notifier> {
  chosen ??= config.notifier === 'sns' ? new SnsNotifier() : local();
  return chosen;
}

/** Tests swap the adapter (e.g. the SNS adapter against aws-sdk-client-mock). */
export function useNotifier(n: Notifier | undefined): void {
  chosen = n;
}
