import { describe, expect, it } from 'vitest';
import { windowState } from '../../../../lib/core/quota/rolling-window.js';

// Issue 10 item (core/quota): one rolling window behind R-VC-04 / R-SEC-06 (code sends) and R-AI-06 (tenant-name changes).
const at = new Date('2026-01-10T12:00:00.000Z');
const ago = (s: number) => new Date(at.getTime() - s * 1000).toISOString();
const limit = { max: 3, windowSeconds: 3600 };

describe('windowState (lib/core/quota)', () => {
  it.each([
    ['empty: every use left, no wait', [], { recent: [], left: 3 }],
    ['one recent use', [ago(10)], { recent: [ago(10)], left: 2 }],
    ['a use exactly at the window edge has left the window', [ago(3600)], { recent: [], left: 3 }],
    ['a use one millisecond inside the edge still counts', [ago(3599.999)], { recent: [ago(3599.999)], left: 2 }],
    ['older uses do not count', [ago(7200), ago(4000)], { recent: [], left: 3 }],
    [
      'full: no use left, the next one when the oldest leaves the window',
      [ago(100), ago(3000), ago(50)],
      { recent: [ago(3000), ago(100), ago(50)], left: 0, nextAllowedAt: new Date(at.getTime() + 600 * 1000) },
    ],
    [
      'over-full (a lower max than when written): still no use left',
      [ago(1), ago(2), ago(3), ago(4)],
      { recent: [ago(4), ago(3), ago(2), ago(1)], left: 0, nextAllowedAt: new Date(at.getTime() + 3596 * 1000) },
    ],
  ])('%s', (_name, times, expected) => {
    expect(windowState(times, at, limit)).toEqual(expected);
  });

  it('a window of max 0 is always full and names no next time', () => {
    expect(windowState([], at, { max: 0, windowSeconds: 60 })).toEqual({ recent: [], left: 0 });
  });
});
