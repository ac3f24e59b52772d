/**
 * Working-day arithmetic for review deadlines (R-RN-03: "the review is due within three working days; the due date
 * is shown"). Pure: the holidays are data (ISO dates, `YYYY-MM-DD`, in UTC) handed in by the caller from config.
 * A working day is a UTC date that is neither a Saturday, a Sunday nor a listed holiday.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of `at` in UTC. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

export function isWorkingDay(at: Date, holidays: ReadonlySet<string> | readonly string[]): boolean {
  const weekday = at.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const day = isoDay(at);
  return holidays instanceof Set ? !holidays.has(day) : !(holidays as readonly string[]).includes(day);
}

/**
 * `days` working days after `from`: each step moves to the next working day, at the same time of day. A submission
 * on a weekend or holiday starts counting from 00:00 UTC of the next working day (R-RN-03: the reviewers get `days`
 * full working days whenever it arrives), so Saturday 10:00 + 3 is Thursday 00:00.
 * Zero days is `from` itself. `days` must be a non-negative integer.
 */
export function addWorkingDays(from: Date, days: number, holidays: readonly string[] = []): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  const off = new Set(holidays);
  let at = from.getTime();
  if (days > 0 && !isWorkingDay(from, off)) {
    // Counting starts at 00:00 UTC of the next working day.
    at = Date.parse(`${isoDay(from)}T00:00:00.000Z`);
    do at += DAY_MS;
    while (!isWorkingDay(new Date(at), off));
  }
  for (let counted = 0; counted < days; ) {
    at += DAY_MS;
    if (isWorkingDay(new Date(at), off)) counted += 1;
  }
  return new Date(at);
}
