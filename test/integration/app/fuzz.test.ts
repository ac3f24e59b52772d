import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler } from '../../../functions/local/localAdvanceClock.js';
import { invoke } from '../../support/http.js';

const validBody = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  Object.keys(body).length === 1 &&
  Number.isInteger((body as { advanceSeconds?: unknown }).advanceSeconds) &&
  Math.abs((body as { advanceSeconds: number }).advanceSeconds) <= 10 * 365 * 86400;

describe('bad input never becomes a 500', () => {
  it('random bodies and content types at POST /local/clock only ever get 4xx (or 200 for a valid body)', async () => {
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ advanceSeconds: fc.oneof(fc.double(), fc.string(), fc.integer(), fc.constant(null)) }).map((v) => JSON.stringify(v)),
      fc.dictionary(fc.string(), fc.jsonValue()).map((v) => JSON.stringify(v)),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', '', 'application/xml');
    await fc.assert(
      fc.asyncProperty(body, contentType, async (raw, type) => {
        const res = await invoke(handler, {
          method: 'POST',
          path: '/local/clock',
          body: raw,
          headers: type ? { 'content-type': type } : {},
        });
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = undefined;
        }
        if (res.status === 200) {
          expect(type.startsWith('application/json') && validBody(parsed)).toBe(true);
        } else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type']).toBe('application/problem+json');
          expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('one 400 lists every bad field, unknown fields included', async () => {
    const res = await invoke(handler, { method: 'POST', path: '/local/clock', body: { advanceSeconds: 'soon', extra: 1, more: 2 } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.advanceSeconds', 'body.extra', 'body.more']);
  });

  it('every answer carries security headers and a request ID', async () => {
    const res = await invoke(handler, { method: 'POST', path: '/local/clock', body: '{', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
