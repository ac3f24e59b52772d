import { describe, expect, it } from 'vitest';
import { send } from '../support/http.js';

async function raw(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const res = await send(method, path, init);
  return { ...res, body: res.text ? JSON.parse(res.text) : undefined };
}

function expectEdgeHeaders(headers: Headers) {
  expect(headers.get('content-type')).toContain('application/problem+json');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('strict-transport-security')).toBeTruthy();
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('x-request-id')).toBeTruthy();
}

describe('unknown routes and methods over HTTP (issue 9 item 15)', () => {
  it.each([
    ['GET', '/v1/nope'],
    ['GET', '/'],
    ['POST', '/v1/account/recipients/r1/extra'],
    ['GET', '/v2/account'],
  ])('%s %s is a problem+json 404 with the security headers, not the emulator listing its routes', async (method, path) => {
    const res = await raw(method, path);
    expect(res.status).toBe(404);
    expectEdgeHeaders(res.headers);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(res.text).not.toContain('existingRoutes');
  });

  it.each([
    ['DELETE', '/v1/account', 'GET'],
    ['POST', '/v1/openapi.json', 'GET'],
    ['PATCH', '/v1/account/recipients/r_1', 'DELETE, PUT'],
    ['GET', '/v1/sessions', 'POST'],
  ])('%s %s (a known path) is a 405 with Allow: %s', async (method, path, allow) => {
    const res = await raw(method, path);
    expect(res.status).toBe(405);
    expectEdgeHeaders(res.headers);
    expect(res.headers.get('allow')).toBe(allow);
    expect(res.body).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  });

  it('an unknown route from an allowed origin still gets its CORS header', async () => {
    const res = await raw('GET', '/v1/nope', { headers: { origin: 'http://localhost:3000' } });
    expect(res.status).toBe(404);
    expectEdgeHeaders(res.headers);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });
});

describe('falsy JSON bodies over HTTP (issue 9 item 14)', () => {
  it.each(['false', '0.0', '-0', '0e0'])('a body of %s is a 400 problem, never a 500', async (body) => {
    for (const path of ['/local/clock', '/v1/sessions', '/v1/accounts']) {
      const res = await raw('POST', path, { body, headers: { 'content-type': 'application/json' } });
      expect(res.status, `${path}: ${res.text}`).toBe(400);
      expectEdgeHeaders(res.headers);
    }
  });
});
