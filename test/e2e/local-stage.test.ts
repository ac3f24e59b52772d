import { describe, expect, it } from 'vitest';
import { call } from '../support/http.js';

describe('the local stage over HTTP', () => {
  it('serves the OpenAPI document with the local routes', async () => {
    const res = await call('GET', '/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/v1/openapi.json', '/local/messages', '/local/clock']));
  });

  it('the test clock moves time for every function, and back', async () => {
    const before = Date.parse((await call('GET', '/local/clock')).body.now);
    const moved = await call('POST', '/local/clock', { body: { advanceSeconds: 86_400 } });
    expect(moved.status).toBe(200);
    const seen = Date.parse((await call('GET', '/local/clock')).body.now);
    expect(seen - before).toBeGreaterThanOrEqual(86_400_000);
    await call('POST', '/local/clock', { body: { advanceSeconds: -86_400 } });
  });

  it('the message sink answers a list, and the scheduler runs on demand', async () => {
    const messages = await call('GET', '/local/messages?to=nobody%40example.com');
    expect(messages.status).toBe(200);
    expect(messages.body).toEqual({ items: [] });
    const run = await call('POST', '/local/scheduler/run');
    expect(run.status).toBe(200);
    expect(typeof run.body.processed).toBe('number');
  });

  it('a malformed body over HTTP is a 400 problem, never a 500', async () => {
    const res = await fetch(`${(await import('../support/http.js')).apiUrl()}/local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"advanceSeconds": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
