import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../../lib/core/working-days.js';

const at = (iso: string) => new Date(iso);

describe('working days (R-RN-03: the review is due within three working days)', () => {
  it.each([
    // [submitted, holidays, due after 3 working days, why]
    ['2026-11-23T10:00:00.000Z', [], '2026-11-26T10:00:00.000Z', 'Monday → Thursday'],
    ['2026-11-26T10:00:00.000Z', [], '2026-12-01T10:00:00.000Z', 'Thursday → Tuesday: the weekend is skipped'],
    ['2026-11-27T23:30:00.000Z', [], '2026-12-02T23:30:00.000Z', 'Friday night → Wednesday night'],
    ['2026-11-28T09:00:00.000Z', [], '2026-12-03T00:00:00.000Z', 'Saturday: counting starts on Monday 00:00'],
    ['2026-11-29T23:00:00.000Z', [], '2026-12-03T00:00:00.000Z', 'Sunday night: counting starts on Monday 00:00'],
    ['2026-12-25T10:00:00.000Z', ['2026-12-25', '2026-12-26'], '2026-12-31T00:00:00.000Z', 'a holiday, then the weekend: Monday 00:00'],
    ['2026-12-23T12:00:00.000Z', ['2026-12-24', '2026-12-25'], '2026-12-30T12:00:00.000Z', 'across a weekend and two holidays'],
    ['2026-12-31T12:00:00.000Z', ['2027-01-01'], '2027-01-06T12:00:00.000Z', 'a holiday on Friday, then the weekend'],
  ])('R-RN-03: submitted %s with holidays %j is due %s (%s)', (submitted, holidays, due) => {
    expect(addWorkingDays(at(submitted), 3, holidays).toISOString()).toBe(due);
  });

  it('R-RN-03: zero working days is the moment itself; a negative or fractional count is refused', () => {
    expect(addWorkingDays(at('2026-11-28T09:00:00.000Z'), 0).toISOString()).toBe('2026-11-28T09:00:00.000Z');
    expect(() => addWorkingDays(at('2026-11-28T09:00:00.000Z'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-11-28T09:00:00.000Z'), 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-27T12:00:00.000Z', [], true],
    ['2026-11-28T12:00:00.000Z', [], false],
    ['2026-11-29T12:00:00.000Z', [], false],
    ['2026-12-25T12:00:00.000Z', ['2026-12-25'], false],
  ])('R-RN-03: %s with holidays %j is a working day: %s', (day, holidays, expected) => {
    expect(isWorkingDay(at(day), holidays)).toBe(expected);
  });
});
