/**
 * The only source of time. Product code calls `now()`; nothing else reads the system clock.
 * In the local stage an offset (moved by POST /local/clock and stored in the table so every
 * function sees it) is applied; see lib/local/test-clock.ts.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

export function nowMs(): number {
  return Date.now() + offsetMs;
}

export function nowIso(): string {
  return now().toISOString();
}

/** Seconds since the epoch, for DynamoDB `ttl` attributes. */
export function epochSeconds(at: Date = now()): number {
  return Math.floor(at.getTime() / 1000);
}

export function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}

export function clockOffset(): number {
  return offsetMs;
}

/**
 * The system time without the local stage's offset, for a signature another system checks against its own clock
 * (S3's SigV4 request time and presigned expiry): the test clock moves business time, not S3's. Never for decisions.
 */
export function wallClock(): Date {
  return new Date(Date.now());
}

/** The system time without the local stage's offset: for log lines only, never for decisions. */
export function wallClockIso(): string {
  return new Date().toISOString();
}
