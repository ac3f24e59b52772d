import { describe, expect, it } from 'vitest';
import { decideSend, emptyRecord } from '../../../lib/verification/send-limits.js';

const limit = { max: 10, windowSeconds: 86_400, cooldownSeconds: 60 };
const t0 = new Date('2026-11-23T10:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('send limits (pure)', () => {
  it('R-VC-04 the same purpose waits 60 s; another purpose to the same destination does not', () => {
    const first = decideSend(emptyRecord(), 'signup', t0, limit);
    if (!first.allowed) throw new Error('first send refused');
    expect(first.resendAfter).toEqual(at(60));
    expect(decideSend(first.next, 'signup', at(30), limit)).toEqual({ allowed: false, retryAfterSeconds: 30, reason: 'cooldown' });
    expect(decideSend(first.next, 'password-reset', at(30), limit).allowed).toBe(true);
    expect(decideSend(first.next, 'signup', at(60), limit).allowed).toBe(true);
  });

  it('R-VC-04 the 11th send inside 24 h is refused until the oldest leaves the window', () => {
    let record = emptyRecord();
    for (let i = 0; i < 10; i += 1) {
      const d = decideSend(record, `p${i}`, at(i * 100), limit);
      if (!d.allowed) throw new Error(`send ${i} refused`);
      record = d.next;
    }
    const refused = decideSend(record, 'p10', at(2000), limit);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 86_400 - 2000, reason: 'quota' });
    expect(decideSend(record, 'p10', at(86_401), limit).allowed).toBe(true);
  });

  it('R-VC-04 every allowed send bumps the version the store conditions on', () => {
    const d = decideSend({ ...emptyRecord(), version: 7 }, 'x', t0, limit);
    expect(d.allowed && d.next.version).toBe(8);
  });
});
