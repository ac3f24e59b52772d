/**
 * Issue 10 (bundle budget): lib/core/http/middlewares/cors.ts replaces @middy/http-cors 7.9.2 (kept as a
 * devDependency, the oracle here). Both run over the same matrix, alone and inside an edge stack like
 * lib/core/http/handler.ts builds (successes, problems from onError, the idempotent early return), and must leave
 * identical answers.
 */
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import { describe, expect, it } from 'vitest';
import { cors } from '../../../../lib/core/http/middlewares/cors.js';
import { earlyReturnCleanup, runEarlyReturnCleanup } from '../../../../lib/core/http/middlewares/early-return.js';
import { noStore } from '../../../../lib/core/http/middlewares/cache-control.js';
import { problemJson } from '../../../../lib/core/http/middlewares/problem-json.js';
import { securityHeaders } from '../../../../lib/core/http/middlewares/security-headers.js';
import { RuleViolation } from '../../../../lib/core/errors.js';

const HEADERS = 'Authorization,Content-Type,Idempotency-Key,X-Operator-Key';
type Factory = (origins: string[]) => middy.MiddlewareObj;
const IMPLEMENTATIONS: Array<[string, Factory]> = [
  ['@middy/http-cors', (origins) => httpCors({ origins: [...origins], headers: HEADERS }) as middy.MiddlewareObj],
  ['own cors', (origins) => cors({ origins, headers: HEADERS })],
];

const ORIGIN_LISTS: Array<[string, string[]]> = [
  ['one origin', ['https://console.example.com']],
  ['several origins', ['https://console.example.com', 'https://admin.example.com:8443', 'https://xn--cnsole-wxa.example.com']],
  ['the local origins', ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:5173', 'http://localhost:8080']],
  ['no origin', []],
];

const REQUEST_HEADERS: Array<[string, Record<string, string>]> = [
  ['no Origin header', {}],
  ['an allowed Origin', { origin: 'https://console.example.com' }],
  ['an allowed Origin, upper case', { origin: 'HTTPS://Console.Example.COM' }],
  ['an allowed Origin as "Origin"', { Origin: 'https://console.example.com' }],
  ['an allowed Origin with a port', { origin: 'https://admin.example.com:8443' }],
  ['an allowed local Origin', { origin: 'http://localhost:3000' }],
  ['an IDN Origin (punycode allowed)', { origin: 'https://cönsole.example.com' }],
  ['a disallowed Origin', { origin: 'https://evil.example' }],
  ['a look-alike Origin', { origin: 'http://localhost.evil.example:3000' }],
  ['Origin: null', { origin: 'null' }],
  ['an empty Origin', { origin: '' }],
  ['a non-URL Origin', { origin: 'console.example.com' }],
  ['an Origin with a wildcard', { origin: 'https://*.Example.com' }],
  ['an IDN Origin with a wildcard', { origin: 'https://*ö.example.com' }],
];

const METHODS = ['OPTIONS', 'GET', 'POST'];

const RESPONSES: Array<[string, () => unknown]> = [
  ['a JSON answer', () => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' })],
  ['a 204 without headers', () => ({ statusCode: 204 })],
  ['an answer with Vary', () => ({ statusCode: 200, headers: { Vary: 'Accept-Encoding' }, body: '{}' })],
  ['an answer with vary (lower case)', () => ({ statusCode: 200, headers: { vary: 'Accept-Language' }, body: '{}' })],
  [
    'an answer with its own CORS headers',
    () => ({
      statusCode: 200,
      headers: {
        'Access-Control-Allow-Origin': 'https://other.example',
        'Access-Control-Allow-Headers': 'X-A',
        'Access-Control-Allow-Credentials': 'false',
      },
    }),
  ],
  [
    'an answer with Access-Control-Allow-Credentials true',
    () => ({ statusCode: 200, headers: { 'Access-Control-Allow-Credentials': 'true' } }),
  ],
  ['a problem answer', () => ({ statusCode: 422, headers: { 'Content-Type': 'application/problem+json' }, body: '{"code":"X"}' })],
  ['a bare body', () => 'plain'],
  ['no answer', () => undefined],
];

const event = (method: string, headers: Record<string, string>) => ({
  version: '2.0',
  headers,
  requestContext: { http: { method } },
});

const runHook = (
  mw: middy.MiddlewareObj,
  hook: 'after' | 'onError',
  method: string,
  headers: Record<string, string>,
  response: unknown,
) => {
  const request = { event: event(method, headers), response, error: undefined, context: {}, internal: {} } as unknown as middy.Request;
  (mw[hook] as (r: middy.Request) => void)(request);
  return request.response;
};

const matrix = ORIGIN_LISTS.flatMap(([originsName, origins]) =>
  REQUEST_HEADERS.flatMap(([headersName, headers]) =>
    METHODS.flatMap((method) =>
      RESPONSES.map(([responseName, response]) => ({
        name: `${originsName}, ${headersName}, ${method}, ${responseName}`,
        origins,
        headers,
        method,
        response,
      })),
    ),
  ),
);

describe("own CORS middleware answers exactly as @middy/http-cors 7.9.2 with the edge's options (issue 10, bundle budget)", () => {
  it.each(['after', 'onError'] as const)('%s: identical answers over the matrix (origins × Origin header × method × answer)', (hook) => {
    let compared = 0;
    for (const c of matrix) {
      const [middyOut, ownOut] = IMPLEMENTATIONS.map(([, make]) => runHook(make(c.origins), hook, c.method, c.headers, c.response()));
      expect(ownOut, c.name).toStrictEqual(middyOut);
      compared++;
    }
    expect(compared).toBe(ORIGIN_LISTS.length * REQUEST_HEADERS.length * METHODS.length * RESPONSES.length);
  });

  it('the matrix exercises each outcome (a reflected origin, a refused one, Vary added to an existing Vary)', () => {
    const out = (origins: string[], origin: string, response: unknown) =>
      runHook(cors({ origins, headers: HEADERS }), 'after', 'GET', { origin }, response) as { headers: Record<string, string> };
    expect(out(['https://console.example.com'], 'HTTPS://Console.Example.COM', undefined).headers['Access-Control-Allow-Origin']).toBe(
      'https://console.example.com',
    );
    expect(out(['https://console.example.com'], 'https://evil.example', undefined).headers['Access-Control-Allow-Origin']).toBeUndefined();
    expect(
      out(['https://a.example.com', 'https://b.example.com'], 'https://evil.example', { statusCode: 200, headers: { Vary: 'X' } }).headers
        .Vary,
    ).toBe('X, Origin');
  });

  it('refuses a wildcard origin, which cors-origins.mjs never lets through', () => {
    expect(() => cors({ origins: ['https://*.example.com'], headers: HEADERS })).toThrow(/wildcard/);
    expect(() => cors({ origins: ['*'], headers: HEADERS })).toThrow(/wildcard/);
  });
});

// The edge of lib/core/http/handler.ts: cors, security headers and no-store, their after hooks registered for an
// early return, then problem details. The route either answers, throws a DomainError, or returns early (an
// idempotent replay) as lib/core/http/middlewares/idempotency.ts does.
type Outcome = 'answers' | 'throws' | 'returns early' | 'crashes';
const edgeStack = (make: Factory, origins: string[], outcome: Outcome) => {
  const edge = [make(origins), securityHeaders(), noStore()];
  const stack = middy(async () => {
    if (outcome === 'throws') throw new RuleViolation('TOO_EARLY', 'wait');
    if (outcome === 'crashes') throw new Error('boom');
    return { statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: '{"ok":true}' };
  });
  for (const mw of edge) stack.use(mw);
  stack.use(earlyReturnCleanup(edge)).use(problemJson());
  if (outcome === 'returns early') {
    stack.use({
      before: async (request) => {
        request.response = {
          statusCode: 200,
          headers: { 'Idempotent-Replayed': 'true', 'Content-Type': 'application/json' },
          body: '{"replay":true}',
        };
        await runEarlyReturnCleanup(request);
        return request.response;
      },
    });
  }
  return stack;
};

describe('the edge stack answers identically with either CORS middleware (issue 10, bundle budget)', () => {
  const outcomes: Outcome[] = ['answers', 'throws', 'returns early', 'crashes'];
  const cases = ORIGIN_LISTS.flatMap(([originsName, origins]) =>
    REQUEST_HEADERS.flatMap(([headersName, headers]) =>
      outcomes.flatMap((outcome) =>
        METHODS.map((method) => ({ name: `${originsName}, ${headersName}, ${method}, ${outcome}`, origins, headers, outcome, method })),
      ),
    ),
  );

  it('identical status, headers and body for answers, problems (onError) and early returns', async () => {
    for (const c of cases) {
      const [middyOut, ownOut] = await Promise.all(
        IMPLEMENTATIONS.map(([, make]) => edgeStack(make, c.origins, c.outcome)(event(c.method, c.headers) as never, {} as never)),
      );
      expect(ownOut, c.name).toStrictEqual(middyOut);
    }
  });

  it('a problem and an early return to an allowed origin carry Access-Control-Allow-Origin', async () => {
    for (const outcome of ['throws', 'returns early'] as const) {
      const out = (await edgeStack(
        IMPLEMENTATIONS[1]![1],
        ['https://console.example.com'],
        outcome,
      )(event('POST', { origin: 'https://console.example.com' }) as never, {} as never)) as { headers: Record<string, string> };
      expect(out.headers['Access-Control-Allow-Origin'], outcome).toBe('https://console.example.com');
      expect(out.headers['Access-Control-Allow-Headers'], outcome).toBe(HEADERS);
    }
  });
});
