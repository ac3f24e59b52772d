import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../../lib/core/errors.js';
import { decodeCursor, encodeCursor } from '../../../../lib/core/store/pagination.js';

describe('opaque, tamper-evident cursors', () => {
  const key = { pk: 'ACCOUNT#a1#AUDIT', sk: '2026-11-23T10:00:00.000Z#x' };

  it('round-trips a last-evaluated key for the same scope', () => {
    expect(decodeCursor('a1', encodeCursor('a1', key))).toEqual(key);
  });

  it('no key, no cursor', () => {
    expect(encodeCursor('a1', undefined)).toBeUndefined();
    expect(decodeCursor('a1', undefined)).toBeUndefined();
  });

  it('issue 9 item 7: a cursor is encrypted, so it shows neither keys nor account ID', () => {
    const cursor = encodeCursor('audit:a1:::', key)!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const plain = Buffer.from(cursor, 'base64url').toString('latin1');
    // Random ciphertext may hold two given letters by chance (1 in ~2^16 per place); the key as JSON it never holds.
    for (const secret of ['ACCOUNT', '#a1#', 'AUDIT', '2026-11-23', '"pk":', '"sk":']) expect(plain).not.toContain(secret);
    for (const part of cursor.split('.')) expect(Buffer.from(part, 'base64url').toString('latin1')).not.toContain('ACCOUNT');
    // The same key gives another cursor each time (random IV): nothing to correlate.
    expect(encodeCursor('audit:a1:::', key)).not.toBe(cursor);
  });

  const flipByte = (c: string, at: number) => {
    const raw = Buffer.from(c, 'base64url');
    raw[at % raw.length]! ^= 0x01;
    return raw.toString('base64url');
  };

  it.each([
    [
      'an edited payload',
      (c: string) => `${Buffer.from(JSON.stringify({ pk: 'ACCOUNT#a2#AUDIT', sk: 'z' })).toString('base64url')}.${c.split('.')[1]}`,
    ],
    ['a flipped IV byte', (c: string) => flipByte(c, 0)],
    ['a flipped tag byte', (c: string) => flipByte(c, 14)],
    ['a flipped ciphertext byte', (c: string) => flipByte(c, 40)],
    ['a truncated cursor', (c: string) => c.slice(0, 20)],
    ['the same cursor for another filter', (_c: string) => encodeCursor('a1:traceName', key)!],
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
