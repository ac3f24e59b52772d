/** Deployed bundles: stands in for ../recording-notifier.ts (same exports; see ./local-only.ts). */
import type { Notifier } from '../../core/notify/notifier.js';
import type { RecordedMessage } from '../recording-notifier.js';
import { localOnly } from './local-only.js';

export type { RecordedMessage };

export class RecordingNotifier implements Notifier {
  async send(): Promise<void> {
    localOnly('RecordingNotifier');
  }
}

export async function listRecordedMessages(_to?: string, _limit?: number): Promise<RecordedMessage[]> {
  return localOnly('listRecordedMessages');
}
