/**
 * Rolling-window quotas (pure): of the recorded uses of one thing, which are inside the window ending at `at`,
 * how many uses are left, and — when none is — when the next one is allowed. A use exactly `windowSeconds`
 * before `at` has left the window. Callers: the code-send limits (lib/verification/send-limits.ts) and the
 * tenant-name quota (lib/accounts/info-rules.ts); the store keeps the times and writes conditionally.
 */
export interface WindowLimit {
  /** Uses allowed in any `windowSeconds`. */
  max: number;
  windowSeconds: number;
}

export interface WindowState {
  /** ISO times of the uses inside the window, oldest first. */
  recent: string[];
  left: number;
  /** When the oldest recent use leaves the window; only when no use is left. */
  nextAllowedAt?: Date;
}

export function windowState(times: readonly string[], at: Date, limit: WindowLimit): WindowState {
  const windowMs = limit.windowSeconds * 1000;
  const since = at.getTime() - windowMs;
  const recent = times.filter((t) => Date.parse(t) > since).sort();
  const left = Math.max(0, limit.max - recent.length);
  const oldest = recent[0];
  return { recent, left, ...(left === 0 && oldest ? { nextAllowedAt: new Date(Date.parse(oldest) + windowMs) } : {}) };
}
