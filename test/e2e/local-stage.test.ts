import { describe, expect, it } from 'vitest';
import { contractProblems } from '../support/contract.js';
import { apiUrl, call, send } from '../support/http.js';

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
    const res = await send('POST', '/local/clock', { headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  describe('issue 9 item 18: every e2e answer is checked against the served document, and the check can fail', () => {
    const headers = (h: Record<string, string>) => new Headers({ 'x-request-id': 'req-1', 'cache-control': 'no-store', ...h });
    const json = headers({ 'content-type': 'application/json' });
    const clock = '{"now":"2026-11-23T10:00:00.000Z"}';

    it('a conforming answer passes', async () => {
      expect(await contractProblems(apiUrl(), 'GET', '/local/clock', { status: 200, headers: json, text: clock })).toEqual([]);
    });

    it.each([
      ['an undeclared status', 'GET', '/local/clock', 418, json, clock, /status not declared/],
      ['an unknown operation', 'PATCH', '/local/clock', 200, json, clock, /no such operation/],
      [
        'an unknown route answering a non-problem 404',
        'GET',
        '/v1/nowhere',
        404,
        json,
        clock,
        /content type application\/json not declared/,
      ],
      [
        'a missing X-Request-Id',
        'GET',
        '/local/clock',
        200,
        new Headers({ 'content-type': 'application/json' }),
        clock,
        /X-Request-Id missing/,
      ],
      [
        'an undeclared content type',
        'GET',
        '/local/clock',
        200,
        headers({ 'content-type': 'text/html' }),
        clock,
        /content type text\/html not declared/,
      ],
      ['a body missing a required field', 'GET', '/local/clock', 200, json, '{}', /must have required property 'now'/],
      ['a badly formatted field', 'GET', '/local/clock', 200, json, '{"now":"yesterday"}', /must match format "date-time"/],
      [
        'an undeclared `stats` shape',
        'POST',
        '/local/scheduler/run',
        200,
        json,
        '{"processed":1,"stats":{"queries":"x"}}',
        /must be integer/,
      ],
      ['a body where none is declared', 'DELETE', '/v1/sessions/current', 204, json, '{}', /a body/],
      [
        'a 429 without Retry-After',
        'POST',
        '/v1/verification-codes',
        429,
        headers({ 'content-type': 'application/problem+json' }),
        '{"type":"t","title":"t","status":429,"detail":"d","code":"RATE_LIMITED"}',
        /Retry-After missing/,
      ],
    ] as const)('%s is a problem', async (_label, method, path, status, h, text, problem) => {
      const problems = await contractProblems(apiUrl(), method, path, { status, headers: h, text });
      expect(problems.join('\n')).toMatch(problem);
    });
  });
});
