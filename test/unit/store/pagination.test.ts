import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../lib/errors.js';
import { decodeCursor, encodeCursor } from '../../../lib/store/pagination.js';

describe('opaque, tamper-evident cursors', () => {
  const key = { pk: 'ACCOUNT#a1#AUDIT', sk: '2026-11-23T10:00:00.000Z#x' };

  it('round-trips a last-evaluated key for the same scope', () => {
    expect(decodeCursor('a1', encodeCursor('a1', key))).toEqual(key);
  });

  it('no key, no cursor', () => {
    expect(encodeCursor('a1', undefined)).toBeUndefined();
    expect(decodeCursor('a1', undefined)).toBeUndefined();
  });

  it.each([
    ['an edited payload', (c: string) => `${Buffer.from(JSON.stringify({ pk: 'ACCOUNT#a2#AUDIT', sk: 'z' })).toString('base64url')}.${c.split('.')[1]}`],
    ['a cursor of another account', (_c: string) => encodeCursor('a2', key)!],
    ['garbage', () => 'not-a-cursor'],
    ['an extra segment', (c: string) => `${c}.x`],
  ])('rejects %s with a 400 naming query.cursor', (_name, tamper) => {
    const cursor = tamper(encodeCursor('a1', key)!);
    try {
      decodeCursor('a1', cursor);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).errors[0]?.path).toBe('query.cursor');
    }
  });
});
