/** R-LI-04: per-account throttling of sign-in attempts (pure). */
import { config } from '../core/config.js';

/** Seconds an account waits after its latest failure before a password is checked again. */
export function accountBackoffSeconds(consecutiveFailures: number): number {
  const { accountFreeFailures, accountMaxBackoffSeconds } = config.sessions;
  if (consecutiveFailures < accountFreeFailures) return 0;
  return Math.min(accountMaxBackoffSeconds, 2 ** (consecutiveFailures - accountFreeFailures));
}

/** Is an attempt at `at` inside the back-off that the latest failure started? */
export function isThrottled(consecutiveFailures: number, lastFailedAt: string | undefined, at: Date): boolean {
  if (!lastFailedAt) return false;
  return at.getTime() < Date.parse(lastFailedAt) + accountBackoffSeconds(consecutiveFailures) * 1000;
}
