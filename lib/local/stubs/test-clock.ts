/** Deployed bundles: stands in for ../test-clock.ts (same exports; see ./local-only.ts). */
import { config } from '../../core/config.js';
import { localOnly } from './local-only.js';

/** Like the real one, a no-op when the stage has no test clock (every deployed stage). */
export async function syncTestClock(): Promise<void> {
  if (!config.testClock) return;
  localOnly('syncTestClock');
}

export async function advanceTestClock(_seconds: number): Promise<string> {
  return localOnly('advanceTestClock');
}
