import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../scripts/make-event.js';

// Issue 10 item: the Python dev script became scripts/make-event.ts with the same CLI and output.
describe('scripts/make-event.ts', () => {
  it.each([
    [
      'add-recipient',
      'POST /v1/account/recipients',
      '{}',
      '{"name":"Finance","email":"finance@example.com","messageTypes":["billing"]}',
      true,
    ],
  ])('writes the committed sample event %s byte for byte', (name, route, params, body, auth) => {
    expect(makeEvent(route, JSON.parse(params), body, auth)).toBe(readFileSync(`events/http/${name}.json`, 'utf8'));
  });

  // Every committed event the script can express (no operator key, no query string) comes out the same.
  const expressible = readdirSync('events/http')
    .filter((f) => f.endsWith('.json'))
    .filter((f) => {
      const ev = JSON.parse(readFileSync(`events/http/${f}`, 'utf8'));
      return ev.rawQueryString === '' && !ev.queryStringParameters && !('x-operator-key' in ev.headers);
    });
  it.each(expressible)('reproduces the committed event %s from its own route, parameters and body', (file) => {
    const ev = JSON.parse(readFileSync(`events/http/${file}`, 'utf8'));
    expect(JSON.parse(makeEvent(ev.routeKey, ev.pathParameters ?? {}, ev.body ?? '', 'authorization' in ev.headers))).toEqual(ev);
  });

  it('substitutes path parameters and omits body and authorization when not given', () => {
    const ev = JSON.parse(makeEvent('DELETE /v1/account/recipients/{recipientId}', { recipientId: 'r-1' }, '', false));
    expect(ev.rawPath).toBe('/v1/account/recipients/r-1');
    expect(ev.pathParameters).toEqual({ recipientId: 'r-1' });
    expect(ev.body).toBeUndefined();
    expect(ev.headers).toEqual({ 'user-agent': 'curl/8' });
  });
});
